import type { StrategyGraph } from '@tradeloom/compiler'

const COLUMN_WIDTH = 270
const ROW_HEIGHT = 150
const ROW_GAP = 40

/**
 * Lays the graph out left to right by data flow: each node sits one column after its deepest
 * input (sources in column 0, actions last), and nodes in a column are ordered by the average row
 * of their inputs, which keeps most edges short and uncrossed. Deterministic: ties break by the
 * node's current height on the canvas, then by id. `heights` (measured on the canvas) keeps tall
 * blocks from overlapping the next one in their column.
 */
export function autoLayout(
  graph: StrategyGraph,
  heights: ReadonlyMap<string, number> = new Map(),
): StrategyGraph {
  const inputs = new Map<string, string[]>()
  for (const node of graph.nodes) inputs.set(node.id, [])
  for (const edge of graph.edges) inputs.get(edge.target)?.push(edge.source)

  const column = new Map<string, number>()
  const visiting = new Set<string>()
  const depth = (id: string): number => {
    const known = column.get(id)
    if (known !== undefined) return known
    // A loop is a compile error already; treat the back edge as absent rather than recursing.
    if (visiting.has(id)) return 0
    visiting.add(id)
    const parents = (inputs.get(id) ?? []).filter((parent) => inputs.has(parent))
    const value = parents.length === 0 ? 0 : Math.max(...parents.map(depth)) + 1
    visiting.delete(id)
    column.set(id, value)
    return value
  }
  for (const node of graph.nodes) depth(node.id)

  const columns: StrategyGraph['nodes'][] = []
  for (const node of graph.nodes) (columns[column.get(node.id)!] ??= []).push(node)
  const row = new Map<string, number>()
  const positions = new Map<string, { x: number; y: number }>()
  columns.forEach((nodes, c) => {
    const keyed = nodes.map((node) => {
      const parentRows = (inputs.get(node.id) ?? []).flatMap((p) => {
        const r = row.get(p)
        return r === undefined ? [] : [r]
      })
      const barycentre =
        parentRows.length > 0
          ? parentRows.reduce((sum, r) => sum + r, 0) / parentRows.length
          : node.position.y / ROW_HEIGHT
      return { node, barycentre }
    })
    keyed.sort(
      (a, b) =>
        a.barycentre - b.barycentre ||
        a.node.position.y - b.node.position.y ||
        a.node.id.localeCompare(b.node.id),
    )
    let y = 0
    keyed.forEach(({ node }, r) => {
      row.set(node.id, r)
      positions.set(node.id, { x: c * COLUMN_WIDTH, y })
      y += Math.max(ROW_HEIGHT - ROW_GAP, heights.get(node.id) ?? 0) + ROW_GAP
    })
  })
  return {
    ...graph,
    nodes: graph.nodes.map((node) => ({ ...node, position: positions.get(node.id)! })),
  }
}
