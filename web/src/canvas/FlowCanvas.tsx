import { useCallback, useState } from 'react'
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow } from '@xyflow/react'
import type { Connection, Edge } from '@xyflow/react'
import { canConnect } from '@tradeloom/compiler'
import './canvas.css'
import { nodeTypes } from './node-types'
import { useGraphStore } from './useGraphStore'

// A small graph fits the view, where a minimap would only cover blocks.
const MINIMAP_MIN_NODES = 12

/**
 * The strategy canvas. Port typing is the compiler's `canConnect`, so the canvas can never accept
 * a connection the compiler would reject; a refused connection says why.
 */
export function FlowCanvas() {
  const nodes = useGraphStore((state) => state.nodes)
  const edges = useGraphStore((state) => state.edges)
  const onNodesChange = useGraphStore((state) => state.onNodesChange)
  const onEdgesChange = useGraphStore((state) => state.onEdgesChange)
  const connect = useGraphStore((state) => state.connect)
  const [refusal, setRefusal] = useState<string | null>(null)

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

  return (
    <section className="panel canvas-panel" aria-label="Strategy canvas" data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onConnectEnd={() => setTimeout(() => setRefusal(null), 2500)}
        colorMode="dark"
        fitView
        fitViewOptions={{ padding: { top: 0.1, left: 0.1, right: 0.1, bottom: 0.25 } }}
        minZoom={0.2}
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
          />
        )}
      </ReactFlow>
      {refusal && (
        <p className="canvas-panel__refusal" role="status" data-testid="connection-refusal">
          Cannot connect: {refusal}
        </p>
      )}
    </section>
  )
}
