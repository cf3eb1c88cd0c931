import type { StrategyGraph } from '@tradeloom/compiler'

type Node = StrategyGraph['nodes'][number]
type Edge = StrategyGraph['edges'][number]
type ParamValue = Node['params'][string]

/** A node named in a diff. */
export interface NodeRef {
  id: string
  kind: string
  label?: string
}

/** An edge named in a diff. */
export interface EdgeRef {
  id: string
  source: string
  sourcePort: string
  target: string
  targetPort: string
}

/** What changed between two graphs, node by node and edge by edge (matched by id). */
export interface GraphDiff {
  nodesAdded: NodeRef[]
  nodesRemoved: NodeRef[]
  nodesMoved: { nodeId: string; from: { x: number; y: number }; to: { x: number; y: number } }[]
  /** A param present on one side only has `null` on the other. */
  paramsChanged: { nodeId: string; param: string; from: ParamValue | null; to: ParamValue | null }[]
  labelsChanged: { nodeId: string; from: string | null; to: string | null }[]
  /** A node whose kind changed under the same id counts as removed and added. */
  edgesAdded: EdgeRef[]
  edgesRemoved: EdgeRef[]
  metaChanged: { field: string; from: unknown; to: unknown }[]
}

/**
 * Compares two graphs by node and edge id, in the order of the newer graph (removed ones in the
 * order of the older), so the same pair always gives the same diff. An edge whose endpoints
 * changed under the same id is reported as removed and added.
 */
export function diffGraphs(from: StrategyGraph, to: StrategyGraph): GraphDiff {
  const diff: GraphDiff = {
    nodesAdded: [],
    nodesRemoved: [],
    nodesMoved: [],
    paramsChanged: [],
    labelsChanged: [],
    edgesAdded: [],
    edgesRemoved: [],
    metaChanged: [],
  }
  for (const field of Object.keys({ ...from.meta, ...to.meta }).sort()) {
    const a = (from.meta as Record<string, unknown>)[field]
    const b = (to.meta as Record<string, unknown>)[field]
    if (a !== b) diff.metaChanged.push({ field, from: a ?? null, to: b ?? null })
  }

  const oldNodes = new Map(from.nodes.map((node) => [node.id, node]))
  const newNodes = new Map(to.nodes.map((node) => [node.id, node]))
  for (const node of to.nodes) {
    const old = oldNodes.get(node.id)
    if (old === undefined || old.kind !== node.kind) {
      if (old !== undefined) diff.nodesRemoved.push(nodeRef(old))
      diff.nodesAdded.push(nodeRef(node))
      continue
    }
    compareNode(old, node, diff)
  }
  for (const node of from.nodes) {
    if (!newNodes.has(node.id)) diff.nodesRemoved.push(nodeRef(node))
  }

  const oldEdges = new Map(from.edges.map((edge) => [edge.id, edge]))
  const newEdges = new Map(to.edges.map((edge) => [edge.id, edge]))
  for (const edge of to.edges) {
    const old = oldEdges.get(edge.id)
    if (old !== undefined && sameEnds(old, edge)) continue
    if (old !== undefined) diff.edgesRemoved.push(edgeRef(old))
    diff.edgesAdded.push(edgeRef(edge))
  }
  for (const edge of from.edges) {
    if (!newEdges.has(edge.id)) diff.edgesRemoved.push(edgeRef(edge))
  }
  return diff
}

function compareNode(old: Node, node: Node, diff: GraphDiff): void {
  if (old.position.x !== node.position.x || old.position.y !== node.position.y) {
    diff.nodesMoved.push({ nodeId: node.id, from: { ...old.position }, to: { ...node.position } })
  }
  if ((old.label ?? null) !== (node.label ?? null)) {
    diff.labelsChanged.push({ nodeId: node.id, from: old.label ?? null, to: node.label ?? null })
  }
  for (const param of Object.keys({ ...old.params, ...node.params }).sort()) {
    const a = old.params[param]
    const b = node.params[param]
    if (a !== b) diff.paramsChanged.push({ nodeId: node.id, param, from: a ?? null, to: b ?? null })
  }
}

function nodeRef(node: Node): NodeRef {
  return node.label === undefined
    ? { id: node.id, kind: node.kind }
    : { id: node.id, kind: node.kind, label: node.label }
}

function edgeRef(edge: Edge): EdgeRef {
  const { id, source, sourcePort, target, targetPort } = edge
  return { id, source, sourcePort, target, targetPort }
}

function sameEnds(a: Edge, b: Edge): boolean {
  return (
    a.source === b.source &&
    a.sourcePort === b.sourcePort &&
    a.target === b.target &&
    a.targetPort === b.targetPort
  )
}

/** True when the diff found nothing. */
export function isEmptyGraphDiff(diff: GraphDiff): boolean {
  return Object.values(diff).every((list: unknown[]) => list.length === 0)
}
