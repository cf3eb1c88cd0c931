import { getExecutionQuality } from '../api/deployments'
import type { QualityRow } from '../api/deployments'
import { formatNumber } from './format'
import { ErrorBox, Loading } from './ui'
import { usePolling } from './usePolling'

function percent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${formatNumber(value * 100, 1)} %`
}

function QualityTable({
  label,
  keyHeader,
  rows,
}: {
  label: string
  keyHeader: string
  rows: QualityRow[]
}) {
  if (rows.length === 0) return <p className="muted">No trades reported yet.</p>
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          <th scope="col">Deals</th>
          <th scope="col">Rejected</th>
          <th scope="col">Failure rate</th>
          <th scope="col">Avg latency (ms)</th>
          <th scope="col" title="Positive is against you">
            Avg slippage (pts)
          </th>
          <th scope="col">Max slippage (pts)</th>
          <th scope="col">Avg spread (pts)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label || row.key}</th>
            <td>{row.deals}</td>
            <td>{row.rejected}</td>
            <td
              className={row.failureRate !== null && row.failureRate > 0 ? 'tone-warn' : undefined}
            >
              {percent(row.failureRate)}
            </td>
            <td>{formatNumber(row.avgLatencyMs, 1)}</td>
            <td>{formatNumber(row.avgSlippagePoints, 2)}</td>
            <td>{formatNumber(row.maxSlippagePoints, 1)}</td>
            <td>{formatNumber(row.avgSpreadPoints, 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * Execution quality by deployment and by symbol, from every trade report: how slow, how far from
 * the requested price, and how often refused. Refreshed every 5 s.
 */
export function ExecutionQualityPanel() {
  const polled = usePolling('execution-quality', () => getExecutionQuality(), 5000)
  return (
    <section className="panel page-panel" aria-labelledby="quality-title" data-testid="quality">
      <header className="panel__header">
        <h2 id="quality-title">Execution quality</h2>
      </header>
      <div className="page-panel__body">
        {polled.loading ? (
          <Loading what="execution quality" />
        ) : !polled.data ? (
          <ErrorBox message={`Could not load execution quality: ${polled.error ?? 'no answer'}`} />
        ) : (
          <>
            <h3>By deployment</h3>
            <QualityTable
              label="Execution quality by deployment"
              keyHeader="Deployment"
              rows={polled.data.byDeployment}
            />
            <h3>By symbol</h3>
            <QualityTable
              label="Execution quality by symbol"
              keyHeader="Symbol"
              rows={polled.data.bySymbol}
            />
          </>
        )}
      </div>
    </section>
  )
}
