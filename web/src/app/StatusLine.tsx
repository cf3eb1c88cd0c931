import type { CompileResult } from '@tradeloom/compiler'
import type { PreviewState } from '../preview/usePreview'

export interface StatusLineProps {
  compiled: CompileResult
  preview: PreviewState
  /** No document yet (still reading it from the server, or that failed): nothing to report. */
  opening: boolean
}

/** One line that says whether the graph compiles and what the preview is doing. */
export function StatusLine({ compiled, preview, opening }: StatusLineProps) {
  if (opening) {
    return (
      <div className="status-line" data-testid="status" aria-live="polite">
        <span className="pill muted">No strategy open</span>
      </div>
    )
  }
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error').length
  const warnings = compiled.diagnostics.length - errors
  const build = !compiled.ok
    ? { tone: 'down', text: `${errors} error${errors === 1 ? '' : 's'}` }
    : warnings > 0
      ? { tone: 'warn', text: `Compiled · ${warnings} warning${warnings === 1 ? '' : 's'}` }
      : { tone: 'up', text: 'Compiled' }
  const result = preview.result
  const run = preview.running
    ? 'Backtesting…'
    : preview.error
      ? `Preview failed: ${preview.error}`
      : result?.ok
        ? `Preview: ${result.bars.length.toLocaleString()} bars in ${Math.round(result.elapsedMs)} ms`
        : result && !result.ok && result.error
          ? `Preview failed: ${result.error}`
          : ''

  return (
    <div className="status-line" data-testid="status" aria-live="polite">
      <span className={`pill tone-${build.tone}`} data-testid="build-status">
        {build.text}
      </span>
      {run && (
        <span className="status-line__run" data-testid="preview-status">
          {run}
        </span>
      )}
    </div>
  )
}
