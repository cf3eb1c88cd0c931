import { getNodeDefinition } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'

type GraphNode = StrategyGraph['nodes'][number]
type GraphEdge = StrategyGraph['edges'][number]

/** What copy puts on the clipboard: nodes and the edges between them, nothing else. */
export interface GraphFragment {
  nodes: GraphNode[]
  edges: GraphEdge[]
}

/**
 * A new, readable node id for a kind (`sma_3`): ids end up in generated code comments and in
 * recorded series keys, so they should read well and never collide.
 */
export function nextNodeId(kind: string, taken: ReadonlySet<string>): string {
  const stem = kind.replace(/[^A-Za-z0-9]+/g, '_')
  for (let n = 1; ; n++) {
    const id = `${stem}_${n}`
    if (!taken.has(id)) return id
  }
}

/** A node of `kind` with every parameter at its default, so it compiles as soon as it is wired. */
export function createNode(
  kind: string,
  position: { x: number; y: number },
  taken: ReadonlySet<string>,
): GraphNode {
  const definition = getNodeDefinition(kind)
  if (!definition) throw new Error(`Unknown block kind "${kind}"`)
  const params: GraphNode['params'] = {}
  for (const [name, spec] of Object.entries(definition.params)) params[name] = spec.default
  return {
    id: nextNodeId(kind, taken),
    kind,
    params,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  }
}

/** The selected nodes and the edges that run between two of them. */
export function copyFragment(graph: StrategyGraph, nodeIds: ReadonlySet<string>): GraphFragment {
  return structuredClone({
    nodes: graph.nodes.filter((node) => nodeIds.has(node.id)),
    edges: graph.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target)),
  })
}

/**
 * Places a copied fragment into a graph: fresh node and edge ids, positions shifted by `offset`.
 * Returns the grown graph and the ids of the pasted nodes (to select them).
 */
export function pasteFragment(
  graph: StrategyGraph,
  fragment: GraphFragment,
  offset: { x: number; y: number },
): { graph: StrategyGraph; pastedIds: string[] } {
  const takenNodes = new Set(graph.nodes.map((node) => node.id))
  const rename = new Map<string, string>()
  const nodes = fragment.nodes.map((node) => {
    const id = nextNodeId(node.kind, takenNodes)
    takenNodes.add(id)
    rename.set(node.id, id)
    return {
      ...structuredClone(node),
      id,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    }
  })
  const takenEdges = new Set(graph.edges.map((edge) => edge.id))
  const edges = fragment.edges.map((edge) => {
    const source = rename.get(edge.source)!
    const target = rename.get(edge.target)!
    const id = uniqueEdgeId(
      `e-${source}.${edge.sourcePort}-${target}.${edge.targetPort}`,
      takenEdges,
    )
    takenEdges.add(id)
    return { ...edge, id, source, target }
  })
  return {
    graph: { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] },
    pastedIds: nodes.map((node) => node.id),
  }
}

/** Removes nodes (and every edge touching them) and edges by id. */
export function removeFromGraph(
  graph: StrategyGraph,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): StrategyGraph {
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: graph.edges.filter(
      (edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target),
    ),
  }
}

/** `base`, or `base-2`, `base-3`… whichever is free. */
export function uniqueEdgeId(base: string, taken: ReadonlySet<string>): string {
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

/**
 * A readable, collision-free edge id (`e-sma_1-value-cross_1-a`). Graph ids may hold only
 * letters, digits, `_` and `-`, at most 64 characters (the compiler's schema).
 */
export function edgeId(
  source: string,
  sourcePort: string,
  target: string,
  targetPort: string,
  taken: ReadonlySet<string>,
): string {
  const base = `e-${source}-${sourcePort}-${target}-${targetPort}`
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .slice(0, 56)
  return uniqueEdgeId(base, taken)
}
