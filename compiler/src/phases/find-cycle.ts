import type { StrategyGraph } from '../graph/schema'

/**
 * Returns the node ids of one loop in the graph (in edge order, first node repeated at the end),
 * or undefined. Iterative depth-first search so that a 2000-node chain cannot overflow the stack.
 */
export function findCycle(graph: StrategyGraph): string[] | undefined {
  const next = new Map<string, string[]>()
  for (const edge of graph.edges) {
    const list = next.get(edge.source) ?? []
    list.push(edge.target)
    next.set(edge.source, list)
  }
  const state = new Map<string, 'open' | 'done'>()
  const ids = [...new Set(graph.nodes.map((n) => n.id))].sort()
  for (const start of ids) {
    if (state.has(start)) continue
    const stack: { id: string; child: number }[] = [{ id: start, child: 0 }]
    state.set(start, 'open')
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const children = next.get(top.id) ?? []
      if (top.child >= children.length) {
        state.set(top.id, 'done')
        stack.pop()
        continue
      }
      const child = children[top.child++]!
      const seen = state.get(child)
      if (seen === 'open') {
        const from = stack.findIndex((frame) => frame.id === child)
        return [...stack.slice(from).map((frame) => frame.id), child]
      }
      if (seen === undefined) {
        state.set(child, 'open')
        stack.push({ id: child, child: 0 })
      }
    }
  }
  return undefined
}
