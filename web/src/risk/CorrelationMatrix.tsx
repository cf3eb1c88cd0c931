import { getCorrelation } from '../api/risk'
import { formatNumber } from '../deployments/format'
import { ErrorBox, Loading } from '../deployments/ui'
import { usePolling } from '../deployments/usePolling'

/**
 * The correlation of daily returns between the account's symbols (from the user's datasets),
 * the symbols held now, and which entries the correlation limit would refuse. Refreshed every
 * 30 s: it only changes with positions or new datasets.
 */
export function CorrelationMatrix({
  accountId,
  maxCorrelation,
}: {
  accountId: string
  maxCorrelation: number | undefined
}) {
  const polled = usePolling(`correlation:${accountId}`, () => getCorrelation(accountId), 30_000)
  if (polled.loading) return <Loading what="correlations" />
  const view = polled.data
  if (!view) {
    return <ErrorBox message={`Could not compute correlations: ${polled.error ?? 'no answer'}`} />
  }
  const limit = view.maxCorrelation ?? maxCorrelation
  const open = new Set(view.openSymbols.map((s) => s.symbol))
  const blocked = view.exposure.filter((e) => e.blocked)
  return (
    <div className="correlation-view" data-testid="correlation">
      <p className="muted field-note">
        Daily returns over {view.lookbackDays} days
        {limit !== undefined && limit !== null ? `; the limit is ${limit}` : ''}.
        {view.openSymbols.length > 0
          ? ` Held now: ${view.openSymbols.map((s) => `${s.symbol} (${s.positions})`).join(', ')}.`
          : ' No positions held now.'}
      </p>
      {view.warnings.map((warning) => (
        <p key={warning} className="tone-warn field-note">
          {warning}
        </p>
      ))}
      {view.symbols.length === 0 ? (
        <p className="muted">
          No symbol of this account has a dataset yet: upload daily or intraday data per symbol in
          the IDE's Data tab.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="correlation" aria-label="Correlation matrix">
            <thead>
              <tr>
                <td />
                {view.symbols.map((symbol) => (
                  <th key={symbol} scope="col" className={open.has(symbol) ? 'is-open' : undefined}>
                    {symbol}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.symbols.map((row, i) => (
                <tr key={row}>
                  <th scope="row" className={open.has(row) ? 'is-open' : undefined}>
                    {row}
                  </th>
                  {view.symbols.map((column, j) => {
                    const value = view.matrix[i]?.[j] ?? null
                    const over =
                      i !== j &&
                      value !== null &&
                      limit !== undefined &&
                      limit !== null &&
                      Math.abs(value) > limit
                    return (
                      <td
                        key={column}
                        className={i === j ? 'is-diagonal' : over ? 'is-over' : undefined}
                        title={
                          i === j
                            ? undefined
                            : `${row} / ${column}: ${view.days[i]?.[j] ?? 0} common days`
                        }
                      >
                        {value === null ? 'n/a' : formatNumber(value, 2)}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {blocked.length > 0 && (
        <p className="tone-warn field-note">
          Entries refused now:{' '}
          {blocked
            .map((e) => `${e.symbol} (${formatNumber(e.correlation, 2)} with ${e.against ?? '?'})`)
            .join(', ')}
        </p>
      )}
    </div>
  )
}
