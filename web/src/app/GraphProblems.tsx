import type { Diagnostic } from '@tradeloom/compiler'

/**
 * Diagnostics that name no node (e.g. "the strategy never opens a position") have no block to be
 * drawn on, so they are listed over the canvas instead.
 */
export function GraphProblems({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const graphWide = diagnostics.filter((diagnostic) => diagnostic.nodeId === undefined)
  if (graphWide.length === 0) return null
  return (
    <ul className="graph-problems" role="alert" data-testid="graph-problems">
      {graphWide.map((diagnostic, n) => (
        <li key={n} className={`diagnostic diagnostic--${diagnostic.severity}`}>
          {diagnostic.message}
        </li>
      ))}
    </ul>
  )
}
