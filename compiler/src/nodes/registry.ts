import type { NodeDefinition } from './define-node'
import { enterLong } from './actions/enter-long'
import { exitLong } from './actions/exit-long'
import { crossAbove } from './conditions/cross-above'
import { crossBelow } from './conditions/cross-below'
import { sma } from './indicators/sma'
import { price } from './sources/price'

/**
 * Every node kind the editor offers, keyed by kind. Keep alphabetical; registry.test.ts fails
 * when a node file is not listed or a key differs from its definition's kind.
 */
export const nodeDefinitions = {
  'cross-above': crossAbove,
  'cross-below': crossBelow,
  'enter-long': enterLong,
  'exit-long': exitLong,
  price,
  sma,
} as const satisfies Record<string, NodeDefinition>

export type NodeKind = keyof typeof nodeDefinitions

/** Looks a kind up without trusting it (graphs come from users). */
export function getNodeDefinition(kind: string): NodeDefinition | undefined {
  return Object.hasOwn(nodeDefinitions, kind)
    ? (nodeDefinitions[kind as NodeKind] as unknown as NodeDefinition)
    : undefined
}
