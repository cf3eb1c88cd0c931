import { useMemo, useState } from 'react'
import { DiffEditor } from '@monaco-editor/react'
import { Background, BackgroundVariant, ReactFlow, ReactFlowProvider } from '@xyflow/react'
import { getNodeDefinition } from '@tradeloom/compiler'
import '../code-preview/monaco-setup'
import { toFlow } from '../canvas/graph-adapter'
import { nodeTypes } from '../canvas/node-types'
import { NodeValuesContext } from '../replay/node-values-context'
import { NodeDiffContext } from './diff-context'
import { diffGraphs, mergeForDiff } from './graph-diff'
import { graphOf, useStrategySession } from './useStrategySession'
import { useDiffStore } from './useDiffStore'
import './diff-view.css'

const NO_VALUES = new Map()

/**
 * Two versions side by side: the graph with every change highlighted on the canvas (added,
 * removed, changed, moved blocks; added and removed connections) and Monaco's diff editor for
 * the TypeScript and the MQL5. Rolling back to the older version needs a confirmation.
 */
export function DiffView() {
  const pair = useDiffStore((state) => state.pair)!
  const close = useDiffStore((state) => state.close)
  const rollbackTo = useStrategySession((state) => state.rollbackTo)
  const latestId = useStrategySession((state) => state.versions[0]?.id)
  const [language, setLanguage] = useState<'ts' | 'mql5'>('ts')
  const { before, after } = pair

  const view = useMemo(() => {
    if (!before.graph || !after.graph) return undefined
    const a = graphOf(before)
    const b = graphOf(after)
    const diff = diffGraphs(a, b)
    const merged = mergeForDiff(a, b, diff)
    const edgeClass = new Map<string, string>()
    for (const id of diff.edgesAdded) edgeClass.set(id, 'edge--added')
    // Every edge of the newer version keeps its id; the others are the removed ones.
    const kept = new Set(b.edges.map((edge) => edge.id))
    for (const edge of merged.edges) if (!kept.has(edge.id)) edgeClass.set(edge.id, 'edge--removed')
    const flow = toFlow(merged)
    return {
      diff,
      nodes: flow.nodes,
      edges: flow.edges.map((edge) => ({ ...edge, className: edgeClass.get(edge.id) })),
      names: new Map(
        merged.nodes.map((n) => [n.id, n.label ?? getNodeDefinition(n.kind)?.label ?? n.id]),
      ),
    }
  }, [before, after])

  function confirmRollback() {
    const ok = window.confirm(
      `Roll back to v${before.version}? A new version with v${before.version}'s content is saved on top; nothing is deleted.`,
    )
    if (!ok) return
    void rollbackTo(before.id).then(close)
  }

  const counts = view
    ? [...view.diff.nodes.values()].reduce<Record<string, number>>((acc, kind) => {
        acc[kind] = (acc[kind] ?? 0) + 1
        return acc
      }, {})
    : {}

  return (
    <div
      className="diff-view"
      role="dialog"
      aria-modal="true"
      aria-labelledby="diff-title"
      data-testid="diff-view"
    >
      <header className="diff-view__header">
        <h2 id="diff-title">
          v{before.version} → v{after.version}
        </h2>
        {view ? (
          <p className="diff-view__summary" data-testid="diff-summary">
            {Object.entries(counts)
              .map(([kind, n]) => `${n} ${kind}`)
              .join(' · ') || 'No block changed'}
            {` · ${view.diff.edgesAdded.length} connection(s) added, ${view.diff.edgesRemoved.length} removed`}
          </p>
        ) : (
          <p className="diff-view__summary">
            One side is a code version: only the code is compared.
          </p>
        )}
        <span className="diff-view__spacer" />
        {before.id !== latestId && (
          <button
            type="button"
            className="button"
            data-testid="diff-rollback"
            onClick={confirmRollback}
          >
            Roll back to v{before.version}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          data-testid="diff-close"
          onClick={close}
        >
          Close
        </button>
      </header>
      <div className="diff-view__body">
        {view && (
          <div className="diff-view__canvas panel" data-testid="diff-canvas">
            <ul className="diff-view__params" data-testid="diff-params">
              {view.diff.params.map((change) => (
                <li key={`${change.nodeId}.${change.param}`}>
                  {view.names.get(change.nodeId)}: {change.param} {String(change.from)} →{' '}
                  {String(change.to)}
                </li>
              ))}
            </ul>
            <NodeDiffContext.Provider value={view.diff.nodes}>
              <NodeValuesContext.Provider value={NO_VALUES}>
                <ReactFlowProvider>
                  <ReactFlow
                    nodes={view.nodes}
                    edges={view.edges}
                    nodeTypes={nodeTypes}
                    nodesDraggable={false}
                    nodesConnectable={false}
                    elementsSelectable={false}
                    colorMode="dark"
                    fitView
                    minZoom={0.1}
                  >
                    <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
                  </ReactFlow>
                </ReactFlowProvider>
              </NodeValuesContext.Provider>
            </NodeDiffContext.Provider>
          </div>
        )}
        <div className="diff-view__code panel">
          <div className="tabs" role="tablist" aria-label="Compared code">
            {(['ts', 'mql5'] as const).map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                className="tabs__tab"
                aria-selected={language === id}
                data-testid={`diff-tab-${id}`}
                onClick={() => setLanguage(id)}
              >
                {id === 'ts' ? 'TypeScript' : 'MQL5'}
              </button>
            ))}
          </div>
          <div className="diff-view__editor" data-testid="diff-editor">
            <DiffEditor
              original={language === 'ts' ? before.tsSource : (before.mql5Source ?? '')}
              modified={language === 'ts' ? after.tsSource : (after.mql5Source ?? '')}
              language={language === 'ts' ? 'typescript' : 'mql5'}
              originalModelPath={`diff-before-${before.id}.${language}`}
              modifiedModelPath={`diff-after-${after.id}.${language}`}
              theme="tradeloom-dark"
              options={{
                readOnly: true,
                renderSideBySide: false,
                minimap: { enabled: false },
                automaticLayout: true,
                fontSize: 12,
              }}
            />
          </div>
        </div>
      </div>
    </div>
  )
}
