import { useCallback, useMemo, useState } from 'react'
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react'
import type { Connection, Edge } from '@xyflow/react'
import type { DragEvent } from 'react'
import { canConnect } from '@tradeloom/compiler'
import type { Diagnostic } from '@tradeloom/compiler'
import { PALETTE_MIME } from '../palette/palette-items'
import './canvas.css'
import { CanvasToolbar } from './CanvasToolbar'
import { nodeTypes } from './node-types'
import { useCanvasShortcuts } from './useCanvasShortcuts'
import { useGraphStore } from './useGraphStore'

// A small graph fits the view, where a minimap would only cover blocks.
const MINIMAP_MIN_NODES = 8

export interface FlowCanvasProps {
  diagnostics: readonly Diagnostic[]
  /** Shared links, diffs and replays show the graph without letting anyone change it. */
  readOnly?: boolean
  /** Edge classes from a version diff (`added` / `removed`). */
  edgeDecorations?: ReadonlyMap<string, string>
}

/**
 * The strategy canvas. Port typing is the compiler's `canConnect`, so the canvas can never accept
 * a connection the compiler would reject; a refused connection says why. Blocks come from the
 * palette by drag and drop.
 */
export function FlowCanvas({ diagnostics, readOnly = false, edgeDecorations }: FlowCanvasProps) {
  const nodes = useGraphStore((state) => state.nodes)
  const rawEdges = useGraphStore((state) => state.edges)
  const onNodesChange = useGraphStore((state) => state.onNodesChange)
  const onEdgesChange = useGraphStore((state) => state.onEdgesChange)
  const connect = useGraphStore((state) => state.connect)
  const addNode = useGraphStore((state) => state.addNode)
  const [refusal, setRefusal] = useState<string | null>(null)
  const flow = useReactFlow()
  const fitView = useCallback(
    () => void flow.fitView({ padding: 0.15, duration: 200, maxZoom: 1 }),
    [flow],
  )
  useCanvasShortcuts(!readOnly, fitView)

  // Diagnostics that name an edge colour it and put the message on it.
  const edges = useMemo(() => {
    const byEdge = new Map<string, Diagnostic>()
    for (const d of diagnostics) if (d.edgeId !== undefined) byEdge.set(d.edgeId, d)
    if (byEdge.size === 0 && !edgeDecorations) return rawEdges
    return rawEdges.map((edge) => {
      const problem = byEdge.get(edge.id)
      const decoration = edgeDecorations?.get(edge.id)
      if (!problem && !decoration) return edge
      return {
        ...edge,
        className: [
          problem ? `edge--${problem.severity}` : '',
          decoration ? `edge--${decoration}` : '',
        ]
          .join(' ')
          .trim(),
        ...(problem ? { label: problem.message, ariaLabel: problem.message } : {}),
      }
    })
  }, [rawEdges, diagnostics, edgeDecorations])

  const isValidConnection = useCallback((connection: Connection | Edge) => {
    const { sourceHandle, targetHandle } = connection
    if (!sourceHandle || !targetHandle) return false
    const verdict = canConnect(useGraphStore.getState().graph, {
      source: connection.source,
      sourcePort: sourceHandle,
      target: connection.target,
      targetPort: targetHandle,
    })
    setRefusal(verdict.ok ? null : verdict.reason)
    return verdict.ok
  }, [])

  const onConnect = useCallback(
    (connection: Connection) => {
      const result = connect(connection)
      setRefusal(result.ok ? null : result.reason)
    },
    [connect],
  )

  function onDragOver(event: DragEvent) {
    if (readOnly || !event.dataTransfer.types.includes(PALETTE_MIME)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }

  function onDrop(event: DragEvent) {
    const kind = event.dataTransfer.getData(PALETTE_MIME)
    if (readOnly || !kind) return
    event.preventDefault()
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
    // Drop the block with its header under the pointer, not its top-left corner.
    addNode(kind, { x: position.x - 80, y: position.y - 20 })
  }

  return (
    <section
      className={`panel canvas-panel${readOnly ? ' is-read-only' : ''}`}
      aria-label="Strategy canvas"
      data-testid="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={readOnly ? undefined : onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onConnectEnd={() => setTimeout(() => setRefusal(null), 2500)}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        multiSelectionKeyCode={['Meta', 'Control']}
        selectionKeyCode="Shift"
        colorMode="dark"
        fitView
        fitViewOptions={{ padding: { top: 0.1, left: 0.1, right: 0.1, bottom: 0.25 }, maxZoom: 1 }}
        minZoom={0.1}
        maxZoom={1.75}
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: false }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls showInteractive={false} />
        {nodes.length > MINIMAP_MIN_NODES && (
          <MiniMap
            pannable
            zoomable
            className="canvas-minimap"
            style={{ width: 140, height: 90 }}
            nodeColor="#2a3344"
            maskColor="rgb(11 14 19 / 65%)"
            ariaLabel="Minimap"
          />
        )}
      </ReactFlow>
      {!readOnly && <CanvasToolbar onFitView={fitView} />}
      {readOnly && (
        <p className="canvas-panel__read-only" data-testid="read-only-badge">
          Read-only
        </p>
      )}
      {refusal && (
        <p className="canvas-panel__refusal" role="status" data-testid="connection-refusal">
          Cannot connect: {refusal}
        </p>
      )}
    </section>
  )
}
