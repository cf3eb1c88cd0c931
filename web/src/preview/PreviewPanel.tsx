import './preview.css'
import { PriceChart } from '../chart/PriceChart'
import { StatsPanel } from '../chart/StatsPanel'
import type { PreviewState } from './usePreview'

/** The preview backtest: chart and headline statistics, or why there is none. */
export function PreviewPanel({ preview, canRun }: { preview: PreviewState; canRun: boolean }) {
  const { result } = preview
  return (
    <section
      className="panel preview-panel"
      aria-label="Preview backtest"
      data-testid="preview"
      aria-busy={preview.running}
    >
      <div className="preview-panel__chart">
        {result?.ok ? (
          <>
            <PriceChart result={result} />
            {!canRun && (
              <p className="preview-panel__stale" role="status" data-testid="preview-stale">
                The graph has errors: showing the last preview that ran.
              </p>
            )}
          </>
        ) : (
          <p className="empty-state" role="status">
            {!canRun
              ? 'Fix the errors on the canvas to see a backtest.'
              : preview.error
                ? `The preview worker failed: ${preview.error}`
                : result && !result.ok
                  ? `The strategy could not run: ${result.error ?? 'it does not compile'}`
                  : 'Running the preview backtest on synthetic data…'}
          </p>
        )}
      </div>
      <aside className="preview-panel__side" aria-label="Statistics">
        <header className="panel__header panel__header--stacked">
          <h2>Preview backtest</h2>
          <span className="muted">Synthetic EURUSD-like data, seed 42</span>
        </header>
        {result?.ok ? <StatsPanel stats={result.stats} /> : null}
      </aside>
    </section>
  )
}
