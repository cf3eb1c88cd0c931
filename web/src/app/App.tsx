import { lazy, Suspense, useEffect, useMemo } from 'react'
import { compile } from '@tradeloom/compiler'
import { FlowCanvas } from '../canvas/FlowCanvas'
import { DiagnosticsContext, groupByNode } from '../canvas/diagnostics-context'
import { useGraphStore } from '../canvas/useGraphStore'
import { PreviewPanel } from '../preview/PreviewPanel'
import { usePreview } from '../preview/usePreview'
import { VersionsPanel } from '../versions/VersionsPanel'
import { useStrategySession } from '../versions/useStrategySession'
import { GraphProblems } from './GraphProblems'
import { OpenError } from './OpenError'
import { PanelBoundary } from './PanelBoundary'
import { TopBar } from './TopBar'

// Monaco is most of the bundle: load it after the canvas and chart are on screen.
const CodePanel = lazy(async () => ({
  default: (await import('../code-preview/CodePanel')).CodePanel,
}))

/**
 * The IDE: top bar, canvas beside the generated code, preview chart below. Compiling is cheap
 * and synchronous, so it runs here on every document change; the backtest runs in a worker.
 */
export function App() {
  const graph = useGraphStore((state) => state.graph)
  const opening = useStrategySession((state) => state.opening)
  const openError = useStrategySession((state) => state.openError)
  const open = useStrategySession((state) => state.open)
  const compiled = useMemo(() => compile(graph), [graph])
  const byNode = useMemo(() => groupByNode(compiled.diagnostics), [compiled])
  // Keyed on the generated code, not the graph: moving a block changes the graph but not the
  // strategy's behaviour, so it must not re-run the backtest.
  const preview = usePreview(graph, compiled.ok ? compiled.ts : undefined)

  useEffect(() => {
    void open()
  }, [open])

  // Until a graph is on the canvas, the other panels would only describe an empty document.
  const blocked = opening || openError !== undefined
  const loading = (what: string) => (
    <p className="empty-state panel" role="status" data-testid="opening">
      {openError === undefined ? `Loading ${what}…` : 'Nothing to show until the strategy opens.'}
    </p>
  )

  return (
    <div className="app">
      <TopBar compiled={compiled} preview={preview} opening={blocked} />
      <main className="workspace">
        <div className="workspace__canvas">
          <PanelBoundary name="canvas">
            {openError !== undefined ? (
              <OpenError message={openError} />
            ) : opening ? (
              loading('the strategy from the server')
            ) : (
              <>
                <DiagnosticsContext.Provider value={byNode}>
                  <FlowCanvas />
                </DiagnosticsContext.Provider>
                <GraphProblems diagnostics={compiled.diagnostics} />
              </>
            )}
          </PanelBoundary>
        </div>
        <div className="workspace__code">
          <PanelBoundary name="code panel">
            {blocked ? (
              loading('the code')
            ) : (
              <Suspense fallback={loading('the code editor')}>
                <CodePanel compiled={compiled} fileStem={graph.meta.name} />
              </Suspense>
            )}
          </PanelBoundary>
        </div>
        <div className="workspace__preview">
          <PanelBoundary name="preview">
            {blocked ? (
              loading('the preview')
            ) : (
              <PreviewPanel preview={preview} canRun={compiled.ok} />
            )}
          </PanelBoundary>
        </div>
        <div className="workspace__versions">
          <PanelBoundary name="versions list">
            <VersionsPanel />
          </PanelBoundary>
        </div>
      </main>
    </div>
  )
}
