import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ReactFlowProvider, useReactFlow } from '@xyflow/react'
import { compile } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'
import { FullBacktestPanel } from '../backtest/FullBacktestPanel'
import { FlowCanvas } from '../canvas/FlowCanvas'
import { DiagnosticsContext, groupByNode } from '../canvas/diagnostics-context'
import { useGraphStore } from '../canvas/useGraphStore'
import { useCodeStore } from '../code/useCodeStore'
import { DatasetPanel } from '../datasets/DatasetPanel'
import { DeployDialog } from '../deployments/DeployDialog'
import { toPreviewData, useDataStore } from '../datasets/useDataStore'
import { Gallery } from '../gallery/Gallery'
import { Inspector } from '../inspector/Inspector'
import { Palette } from '../palette/Palette'
import { PreviewPanel } from '../preview/PreviewPanel'
import { usePreview } from '../preview/usePreview'
import type { PreviewSource } from '../preview/run-preview'
import { explainBar } from '../replay/explain-bar'
import { nodeValuesAt } from '../replay/node-values'
import { NodeValuesContext } from '../replay/node-values-context'
import { useReplayStore } from '../replay/useReplayStore'
import { VersionsPanel } from '../versions/VersionsPanel'
import { useDiffStore } from '../versions/useDiffStore'
import { useStrategySession } from '../versions/useStrategySession'
import { readStrategyId } from '../versions/strategy-id'
import { GraphProblems } from './GraphProblems'
import { go } from './nav'
import { OpenError } from './OpenError'
import { PanelBoundary } from './PanelBoundary'
import { Tabs } from './Tabs'
import { TopBar } from './TopBar'

// Monaco is most of the bundle: load it after the canvas and chart are on screen.
const CodePanel = lazy(async () => ({
  default: (await import('../code-preview/CodePanel')).CodePanel,
}))
const DiffView = lazy(async () => ({ default: (await import('../versions/DiffView')).DiffView }))

type SideTab = 'inspect' | 'code' | 'versions' | 'data'
type BottomTab = 'preview' | 'backtest'

/**
 * The IDE: palette, canvas, a side panel (inspector, code, versions, data) and the backtests
 * below. Compiling is cheap and synchronous, so it runs here on every document change; the
 * backtest runs in a worker. With `share`, the same IDE opens one shared version read-only.
 */
export function Ide({ share, onSignedOut }: { share?: string; onSignedOut?(): void }) {
  return (
    <ReactFlowProvider>
      <IdeBody share={share} onSignedOut={onSignedOut} />
    </ReactFlowProvider>
  )
}

function IdeBody({ share, onSignedOut }: { share?: string; onSignedOut?(): void }) {
  const graph = useGraphStore((state) => state.graph)
  const addNode = useGraphStore((state) => state.addNode)
  const codeMode = useCodeStore((state) => state.mode)
  const code = useCodeStore((state) => state.code)
  const codePlots = useCodeStore((state) => state.plots)
  const opening = useStrategySession((state) => state.opening)
  const openError = useStrategySession((state) => state.openError)
  const open = useStrategySession((state) => state.open)
  const openShared = useStrategySession((state) => state.openShared)
  const startFresh = useStrategySession((state) => state.startFresh)
  const diffOpen = useDiffStore((state) => state.pair !== undefined)
  const selection = useDataStore((state) => state.selection)
  const { bar, teaching } = useReplayStore()
  const [sideTab, setSideTab] = useState<SideTab>('inspect')
  const [bottomTab, setBottomTab] = useState<BottomTab>('preview')
  const [gallery, setGallery] = useState(false)
  const [deploying, setDeploying] = useState(false)
  const flow = useReactFlow()
  const readOnly = share !== undefined

  const compiled = useMemo(() => compile(graph), [graph])
  const byNode = useMemo(() => groupByNode(compiled.diagnostics), [compiled])
  const isCode = codeMode === 'code'
  const source = useMemo<PreviewSource | undefined>(
    () =>
      isCode
        ? { kind: 'code', code, plots: codePlots }
        : compiled.ok
          ? { kind: 'graph', graph }
          : undefined,
    [isCode, code, codePlots, compiled, graph],
  )
  // Keyed on the code that runs, not the graph: moving a block changes the graph but not the
  // strategy's behaviour, so it must not re-run the backtest.
  const runKey = isCode ? code : compiled.ok ? compiled.ts : undefined
  const preview = usePreview(source, runKey, toPreviewData(selection))
  const ok = preview.result?.ok ? preview.result : undefined
  const shownBar = ok ? Math.min(bar ?? ok.bars.length - 1, ok.bars.length - 1) : 0
  const values = useMemo(
    () => (ok ? nodeValuesAt(graph, ok.series, ok.bars, shownBar) : new Map()),
    [ok, graph, shownBar],
  )
  const explanation = useMemo(
    () =>
      ok && !isCode
        ? explainBar({
            graph,
            series: ok.series,
            trades: ok.trades,
            warmupBars: ok.warmupBars,
            bar: shownBar,
          })
        : '',
    [ok, graph, shownBar, isCode],
  )

  // Teaching mode hides the palette and enlarges type: refit so the blocks fill the canvas.
  const teachingBefore = useRef(teaching)
  useEffect(() => {
    if (teachingBefore.current === teaching) return
    teachingBefore.current = teaching
    const timer = setTimeout(
      () => void flow.fitView({ padding: 0.1, maxZoom: teaching ? 1.5 : 1 }),
      80,
    )
    return () => clearTimeout(timer)
  }, [teaching, flow])

  // Closing the tab with unsaved work asks first (the browser shows its own wording).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useGraphStore.getState().dirty || useCodeStore.getState().dirty) event.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [])

  useEffect(() => {
    if (share !== undefined) {
      void openShared(share)
      return
    }
    // Coming back from the deployments or accounts page: the strategy (with any unsaved edits)
    // is still in the stores, and reopening it would replace those edits with the saved version.
    const session = useStrategySession.getState()
    const stillOpen =
      !session.opening &&
      session.openError === undefined &&
      session.shared === undefined &&
      session.strategyId === readStrategyId()
    if (!stillOpen) void open()
  }, [open, openShared, share])

  const addAtCentre = useCallback(
    (kind: string) => {
      const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect()
      const centre = canvas
        ? flow.screenToFlowPosition({
            x: canvas.x + canvas.width / 2,
            y: canvas.y + canvas.height / 2,
          })
        : { x: 0, y: 0 }
      addNode(kind, { x: centre.x - 80, y: centre.y - 30 })
    },
    [addNode, flow],
  )

  function pickTemplate(picked: StrategyGraph) {
    const unsaved = useGraphStore.getState().dirty || useCodeStore.getState().dirty
    if (unsaved && !window.confirm('Start a new strategy? Unsaved changes to this one are lost.')) {
      return
    }
    setGallery(false)
    startFresh(picked)
    useReplayStore.getState().setBar(undefined)
    // An empty canvas has nothing to fit: fitting would zoom in as far as allowed.
    if (picked.nodes.length === 0) void flow.setViewport({ x: 0, y: 0, zoom: 1 })
    setTimeout(() => {
      if (picked.nodes.length === 0) void flow.setViewport({ x: 0, y: 0, zoom: 1 })
      else void flow.fitView({ padding: 0.15, maxZoom: 1 })
    }, 50)
  }

  // Until a graph is on the canvas, the other panels would only describe an empty document.
  const blocked = opening || openError !== undefined
  const loading = (what: string) => (
    <p className="empty-state panel" role="status" data-testid="opening">
      {openError === undefined ? `Loading ${what}…` : 'Nothing to show until the strategy opens.'}
    </p>
  )
  const dataLabel =
    selection.kind === 'dataset'
      ? `${selection.name} (${selection.symbol})`
      : `synthetic EURUSD-like data, ${selection.bars.toLocaleString()} bars, seed ${selection.seed}`

  return (
    <div className={`app${teaching ? ' is-teaching' : ''}${readOnly ? ' is-shared' : ''}`}>
      <TopBar
        compiled={compiled}
        preview={preview}
        opening={blocked}
        readOnly={readOnly}
        isCode={isCode}
        onNew={() => setGallery(true)}
        onDeploy={() => setDeploying(true)}
        onSignedOut={onSignedOut}
      />
      <main className="workspace">
        {!readOnly && !teaching && (
          <div className="workspace__palette">
            <PanelBoundary name="palette">
              <Palette onAdd={addAtCentre} disabled={blocked || isCode} />
            </PanelBoundary>
          </div>
        )}
        <div className="workspace__canvas">
          <PanelBoundary name="canvas">
            {openError !== undefined ? (
              <OpenError message={openError} />
            ) : opening ? (
              loading('the strategy')
            ) : (
              <DiagnosticsContext.Provider value={byNode}>
                <NodeValuesContext.Provider value={values}>
                  <FlowCanvas diagnostics={compiled.diagnostics} readOnly={readOnly || isCode} />
                </NodeValuesContext.Provider>
                {!isCode && <GraphProblems diagnostics={compiled.diagnostics} />}
                {isCode && (
                  <p className="canvas-code-note" data-testid="code-strategy-note">
                    This is a code strategy: edit its TypeScript in the Code tab. The preview,
                    saving and full backtests run that code.
                  </p>
                )}
              </DiagnosticsContext.Provider>
            )}
          </PanelBoundary>
        </div>
        <div className="workspace__side panel">
          <Tabs<SideTab>
            label="Side panel"
            value={sideTab}
            onChange={setSideTab}
            tabs={[
              { id: 'inspect', label: 'Inspector' },
              { id: 'code', label: 'Code' },
              { id: 'versions', label: 'Versions' },
              ...(readOnly ? [] : [{ id: 'data' as const, label: 'Data' }]),
            ]}
          />
          <div className="workspace__side-body">
            {blocked ? (
              loading(sideTab === 'code' ? 'the code' : 'the strategy')
            ) : sideTab === 'inspect' ? (
              <PanelBoundary name="inspector">
                <Inspector diagnostics={compiled.diagnostics} readOnly={readOnly || isCode} />
              </PanelBoundary>
            ) : sideTab === 'code' ? (
              <PanelBoundary name="code panel">
                <Suspense fallback={loading('the code editor')}>
                  <CodePanel compiled={compiled} fileStem={graph.meta.name} readOnly={readOnly} />
                </Suspense>
              </PanelBoundary>
            ) : sideTab === 'versions' ? (
              <PanelBoundary name="versions list">
                <VersionsPanel readOnly={readOnly} />
              </PanelBoundary>
            ) : (
              <PanelBoundary name="data panel">
                <DatasetPanel signedIn={!readOnly} />
              </PanelBoundary>
            )}
          </div>
        </div>
        <div className="workspace__bottom panel">
          <Tabs<BottomTab>
            label="Backtests"
            value={bottomTab}
            onChange={setBottomTab}
            tabs={[
              { id: 'preview', label: 'Preview' },
              ...(readOnly ? [] : [{ id: 'backtest' as const, label: 'Full backtest' }]),
            ]}
          />
          <div className="workspace__bottom-body">
            <PanelBoundary name="preview">
              {blocked ? (
                loading('the preview')
              ) : bottomTab === 'preview' ? (
                <PreviewPanel
                  preview={preview}
                  canRun={source !== undefined}
                  dataLabel={dataLabel}
                  explanation={explanation}
                />
              ) : (
                <FullBacktestPanel />
              )}
            </PanelBoundary>
          </div>
        </div>
      </main>
      {diffOpen && (
        <Suspense fallback={null}>
          <PanelBoundary name="version comparison">
            <DiffView />
          </PanelBoundary>
        </Suspense>
      )}
      {gallery && <Gallery onPick={pickTemplate} onClose={() => setGallery(false)} />}
      {deploying && (
        <PanelBoundary name="deploy dialog">
          <DeployDialog
            onClose={() => setDeploying(false)}
            onDeployed={(id) => go(`/deployments/${encodeURIComponent(id)}`)}
          />
        </PanelBoundary>
      )}
    </div>
  )
}
