import type { StrategyGraph } from '@tradeloom/compiler'

export type NodeChangeKind = 'added' | 'removed' | 'changed' | 'moved'

export interface ParamChange {
  nodeId: string
  param: string
  from: unknown
  to: unknown
}

/** What changed between two graph versions, by node and edge id. */
export interface GraphDiff {
  nodes: Map<string, NodeChangeKind>
  params: ParamChange[]
  edgesAdded: string[]
  edgesRemoved: string[]
  metaChanged: string[]
}

/**
 * A structural diff of two graphs: nodes added, removed, changed (kind, label or params) or only
 * moved; parameter changes one by one; edges added and removed (an edge counts as the same edge
 * when it joins the same ports, whatever its id).
 */
export function diffGraphs(before: StrategyGraph, after: StrategyGraph): GraphDiff {
  const nodes = new Map<string, NodeChangeKind>()
  const params: ParamChange[] = []
  const old = new Map(before.nodes.map((node) => [node.id, node]))
  const next = new Map(after.nodes.map((node) => [node.id, node]))
  for (const node of after.nodes) {
    const was = old.get(node.id)
    if (!was) {
      nodes.set(node.id, 'added')
      continue
    }
    const names = new Set([...Object.keys(was.params), ...Object.keys(node.params)])
    for (const param of names) {
      if (was.params[param] !== node.params[param]) {
        params.push({ nodeId: node.id, param, from: was.params[param], to: node.params[param] })
      }
    }
    const changed =
      was.kind !== node.kind ||
      was.label !== node.label ||
      params.some((change) => change.nodeId === node.id)
    if (changed) nodes.set(node.id, 'changed')
    else if (was.position.x !== node.position.x || was.position.y !== node.position.y) {
      nodes.set(node.id, 'moved')
    }
  }
  for (const node of before.nodes) if (!next.has(node.id)) nodes.set(node.id, 'removed')

  const wire = (e: StrategyGraph['edges'][number]) =>
    `${e.source}.${e.sourcePort}>${e.target}.${e.targetPort}`
  const oldWires = new Set(before.edges.map(wire))
  const newWires = new Set(after.edges.map(wire))
  const metaChanged = (Object.keys(after.meta) as (keyof StrategyGraph['meta'])[]).filter(
    (key) => before.meta[key] !== after.meta[key],
  )
  return {
    nodes,
    params,
    edgesAdded: after.edges.filter((e) => !oldWires.has(wire(e))).map((e) => e.id),
    edgesRemoved: before.edges.filter((e) => !newWires.has(wire(e))).map((e) => e.id),
    metaChanged,
  }
}

/**
 * The graph the diff view draws: the newer version plus the removed nodes and edges of the
 * older one, so removals are visible in place.
 */
export function mergeForDiff(before: StrategyGraph, after: StrategyGraph, diff: GraphDiff) {
  const removedNodes = before.nodes.filter((node) => diff.nodes.get(node.id) === 'removed')
  const removedEdges = before.edges.filter((edge) => diff.edgesRemoved.includes(edge.id))
  const taken = new Set(after.edges.map((edge) => edge.id))
  return {
    ...after,
    nodes: [...after.nodes, ...removedNodes],
    edges: [
      ...after.edges,
      ...removedEdges.map((edge) =>
        taken.has(edge.id) ? { ...edge, id: `${edge.id}~old` } : edge,
      ),
    ],
  }
}
