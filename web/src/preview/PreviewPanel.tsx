import { useMemo, useState } from 'react'
import './preview.css'
import { EquityChart } from '../chart/EquityChart'
import { PriceChart } from '../chart/PriceChart'
import { StatsPanel } from '../chart/StatsPanel'
import { TradeList } from '../chart/TradeList'
import { thinCurve } from '../chart/to-chart-data'
import { ReplayBar } from '../replay/ReplayBar'
import type { PreviewState } from './usePreview'

/**
 * The preview backtest: replay controls, price chart, equity and drawdown, and statistics or the
 * trade list beside them; or why there is nothing to show.
 */
export function PreviewPanel({
  preview,
  canRun,
  dataLabel,
  explanation,
}: {
  preview: PreviewState
  canRun: boolean
  dataLabel: string
  explanation: string
}) {
  const { result } = preview
  const [side, setSide] = useState<'stats' | 'trades'>('stats')
  const ok = result?.ok ? result : undefined
  const curve = useMemo(
    () => (ok ? thinCurve(ok.bars.time, ok.equity, ok.drawdown) : undefined),
    [ok],
  )
  const tradeBars = useMemo(() => (ok ? ok.trades.map((t) => t.entryIndex - 1) : []), [ok])

  return (
    <section
      className="preview-panel"
      aria-label="Preview backtest"
      data-testid="preview"
      aria-busy={preview.running}
    >
      <div className="preview-panel__main">
        {ok ? (
          <>
            <ReplayBar barCount={ok.bars.length} tradeBars={tradeBars} explanation={explanation} />
            <div className="preview-panel__chart">
              <PriceChart result={ok} />
              {!canRun && (
                <p className="preview-panel__stale" role="status" data-testid="preview-stale">
                  The strategy has errors: showing the last preview that ran.
                </p>
              )}
            </div>
            <div className="preview-panel__equity">{curve && <EquityChart curve={curve} />}</div>
          </>
        ) : (
          <p className="empty-state" role="status" data-testid="preview-empty">
            {!canRun
              ? 'Fix the errors on the canvas to see a backtest.'
              : preview.error
                ? `The preview worker failed: ${preview.error}`
                : result && !result.ok
                  ? `The strategy could not run: ${result.error ?? 'it does not compile'}`
                  : `Running the preview backtest on ${dataLabel}…`}
          </p>
        )}
      </div>
      <aside className="preview-panel__side" aria-label="Results">
        <header className="panel__header panel__header--stacked">
          <h2>Preview backtest</h2>
          <span className="muted" data-testid="preview-data">
            {dataLabel}
          </span>
        </header>
        <div className="tabs tabs--small" role="tablist" aria-label="Results view">
          {(['stats', 'trades'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              className="tabs__tab"
              aria-selected={side === id}
              data-testid={`preview-tab-${id}`}
              onClick={() => setSide(id)}
            >
              {id === 'stats' ? 'Statistics' : `Trades${ok ? ` (${ok.trades.length})` : ''}`}
            </button>
          ))}
        </div>
        <div className="preview-panel__side-body">
          {ok ? (
            side === 'stats' ? (
              <StatsPanel stats={ok.stats} />
            ) : (
              <TradeList trades={ok.trades} digits={ok.digits} />
            )
          ) : null}
        </div>
      </aside>
    </section>
  )
}
