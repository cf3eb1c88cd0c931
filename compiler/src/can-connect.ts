import type { StrategyGraph } from './graph/schema'
import { PORT_TYPE_NAMES } from './nodes/define-node'
import { getNodeDefinition } from './nodes/registry'

export interface Connection {
  readonly source: string
  readonly sourcePort: string
  readonly target: string
  readonly targetPort: string
}

export type ConnectResult = { readonly ok: true } | { readonly ok: false; readonly reason: string }

/**
 * Whether the canvas may draw this connection. The canvas and the validator share these rules,
 * so they can never disagree: same port types, one connection per input, no loops.
 */
export function canConnect(graph: StrategyGraph, connection: Connection): ConnectResult {
  const source = graph.nodes.find((n) => n.id === connection.source)
  const target = graph.nodes.find((n) => n.id === connection.target)
  if (!source || !target) return { ok: false, reason: 'Both ends must be nodes on the canvas' }
  if (source.id === target.id) return { ok: false, reason: 'A block cannot feed itself' }
  const from = getNodeDefinition(source.kind)?.outputs[connection.sourcePort]
  const to = getNodeDefinition(target.kind)?.inputs[connection.targetPort]
  if (!from)
    return { ok: false, reason: `"${connection.sourcePort}" is not an output of this block` }
  if (!to) return { ok: false, reason: `"${connection.targetPort}" is not an input of this block` }
  if (from !== to) {
    return {
      ok: false,
      reason: `This input needs a ${PORT_TYPE_NAMES[to]}, not a ${PORT_TYPE_NAMES[from]}`,
    }
  }
  if (graph.edges.some((e) => e.target === target.id && e.targetPort === connection.targetPort)) {
    return { ok: false, reason: 'This input is already connected; remove that connection first' }
  }
  if (reaches(graph, target.id, source.id)) return { ok: false, reason: 'That would make a loop' }
  return { ok: true }
}

function reaches(graph: StrategyGraph, from: string, to: string): boolean {
  const seen = new Set<string>([from])
  const queue = [from]
  while (queue.length > 0) {
    const id = queue.pop()!
    if (id === to) return true
    for (const edge of graph.edges) {
      if (edge.source === id && !seen.has(edge.target)) {
        seen.add(edge.target)
        queue.push(edge.target)
      }
    }
  }
  return false
}
