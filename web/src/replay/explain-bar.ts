import { getNodeDefinition } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'
import type { Trade } from '@tradeloom/runtime'

export interface ExplainInput {
  graph: StrategyGraph
  series: Readonly<Record<string, Float64Array>>
  trades: readonly Trade[]
  warmupBars: number
  bar: number
}

const ENTRY_KINDS = new Set(['enter-long', 'enter-short'])

/**
 * One sentence on why an entry fired on this bar or what blocked it, read from the recorded
 * values of the conditions feeding each entry block. It walks And/Or/Not blocks to the first
 * condition that was false, so the answer names the real obstacle ("RSI crosses above 30 was
 * false"), not just "the entry condition was false".
 */
export function explainBar({ graph, series, trades, warmupBars, bar }: ExplainInput): string {
  const entries = graph.nodes.filter((node) => ENTRY_KINDS.has(node.kind))
  if (entries.length === 0) return 'This strategy has no entry block, so it never opens a trade.'
  if (bar < warmupBars) {
    return `Bar ${bar}: still warming up — the indicators need ${warmupBars} bars before the strategy may trade.`
  }
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]))
  const inputOf = (nodeId: string, port: string) =>
    graph.edges.find((edge) => edge.target === nodeId && edge.targetPort === port)
  const name = (nodeId: string) => {
    const node = nodes.get(nodeId)
    return node?.label ?? getNodeDefinition(node?.kind ?? '')?.label ?? nodeId
  }
  const truth = (nodeId: string, port: string): boolean | undefined => {
    const definition = getNodeDefinition(nodes.get(nodeId)?.kind ?? '')
    const conditions = Object.entries(definition?.outputs ?? {}).filter(
      ([, t]) => t === 'condition',
    )
    const key = conditions.length === 1 ? nodeId : `${nodeId}.${port}`
    const value = series[key]?.[bar]
    return value === undefined || Number.isNaN(value) ? undefined : value !== 0
  }
  /** The first false leaf under a false condition, walking through logic blocks. */
  const blocker = (nodeId: string): string => {
    const node = nodes.get(nodeId)
    if (node?.kind === 'and' || node?.kind === 'or') {
      for (const side of ['a', 'b']) {
        const edge = inputOf(nodeId, side)
        if (edge && truth(edge.source, edge.sourcePort) === false) return blocker(edge.source)
      }
    }
    if (node?.kind === 'not') {
      const edge = inputOf(nodeId, 'input') ?? graph.edges.find((e) => e.target === nodeId)
      if (edge) return `${name(edge.source)} was true (and “${name(nodeId)}” needs it false)`
    }
    return `${name(nodeId)} was false`
  }

  const fired: string[] = []
  const blocked: string[] = []
  for (const entry of entries) {
    const side = entry.kind === 'enter-long' ? 'buy' : 'sell short'
    const when = inputOf(entry.id, 'when')
    if (!when) {
      blocked.push(`${name(entry.id)} has no condition connected`)
      continue
    }
    const value = truth(when.source, when.sourcePort)
    if (value === true) {
      // The order decided on this bar's close fills at the next bar's open (if it was accepted).
      const filled = trades.find(
        (t) => t.entryIndex === bar + 1 && (t.tag === undefined || t.tag === entry.id),
      )
      fired.push(
        `${name(entry.id)} fired because ${name(when.source)} was true: ${side} at the next bar's open${filled ? ` (${filled.entryPrice})` : ''}`,
      )
    } else if (value === undefined) {
      blocked.push(`${name(entry.id)} waits: ${name(when.source)} has no value yet`)
    } else {
      blocked.push(`${name(entry.id)} did not fire: ${blocker(when.source)}`)
    }
  }
  const parts = fired.length > 0 ? fired : blocked
  return `Bar ${bar}: ${parts.join('; ')}.`
}
