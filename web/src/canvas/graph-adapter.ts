import type { Edge, Node } from '@xyflow/react'
import type { StrategyGraph } from '@tradeloom/compiler'

type GraphNode = StrategyGraph['nodes'][number]
type GraphEdge = StrategyGraph['edges'][number]

/** What a canvas node carries: exactly the persisted fields, nothing React Flow owns. */
export interface StrategyNodeData extends Record<string, unknown> {
  kind: string
  params: GraphNode['params']
  label?: string
}

export type FlowNode = Node<StrategyNodeData, 'strategy'>
export type FlowEdge = Edge

/** The document split the way React Flow wants it: meta stays beside the canvas. */
export interface FlowDocument {
  meta: StrategyGraph['meta']
  nodes: FlowNode[]
  edges: FlowEdge[]
}

/**
 * Turns the persisted graph (the compiler's input contract) into React Flow nodes and edges.
 * Ports map to handle ids, so an edge's `sourceHandle` is the compiler's `sourcePort`.
 */
export function toFlow(graph: StrategyGraph): FlowDocument {
  return {
    meta: { ...graph.meta },
    nodes: graph.nodes.map((node): FlowNode => ({
      id: node.id,
      type: 'strategy',
      position: { x: node.position.x, y: node.position.y },
      data: {
        kind: node.kind,
        params: { ...node.params },
        ...(node.label === undefined ? {} : { label: node.label }),
      },
    })),
    edges: graph.edges.map((edge): FlowEdge => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourcePort,
      target: edge.target,
      targetHandle: edge.targetPort,
    })),
  }
}

/**
 * Turns canvas state back into the persisted graph, dropping everything UI-only (selection,
 * dragging, measured sizes). Positions are rounded to whole pixels: sub-pixel drag noise would
 * otherwise make every saved version differ from the last.
 */
export function toGraph(
  meta: StrategyGraph['meta'],
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
): StrategyGraph {
  return {
    schemaVersion: 1,
    meta: { ...meta },
    nodes: nodes.map((node): GraphNode => ({
      id: node.id,
      kind: node.data.kind,
      params: { ...node.data.params },
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      ...(node.data.label === undefined ? {} : { label: node.data.label }),
    })),
    edges: edges.map((edge): GraphEdge => ({
      id: edge.id,
      source: edge.source,
      sourcePort: requirePort(edge, 'sourceHandle'),
      target: edge.target,
      targetPort: requirePort(edge, 'targetHandle'),
    })),
  }
}

function requirePort(edge: FlowEdge, field: 'sourceHandle' | 'targetHandle'): string {
  const port = edge[field]
  // Every handle StrategyNode renders has an id, so a missing one is a bug, not user input.
  if (port === null || port === undefined) {
    throw new Error(`Edge "${edge.id}" has no ${field}; every canvas handle must name its port`)
  }
  return port
}
