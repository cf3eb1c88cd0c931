import type { EmittedNode } from './emit'
import { orderedActions } from './emit'

/** One plain-language sentence per action, entries first: "Buy when Fast MA crosses above Slow MA." */
export function summarize(nodes: readonly EmittedNode[]): string[] {
  const actions = orderedActions(nodes)
  const entries = actions.filter((n) => n.actionPriority === 1)
  const exits = actions.filter((n) => n.actionPriority === 0)
  return [...entries, ...exits].map(
    (n) => `${n.sentence.charAt(0).toUpperCase()}${n.sentence.slice(1)}.`,
  )
}
