import type { NodeDefinition } from '../define-node'
import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

/** Exit long / exit short: close this strategy's positions on one side at the next bar's open. */
export function defineExit(side: 'long' | 'short'): NodeDefinition<Record<string, never>> {
  const isLong = side === 'long'
  return defineNode({
    kind: `exit-${side}`,
    version: 1,
    category: 'action',
    label: isLong ? 'Exit long' : 'Exit short',
    description: isLong
      ? 'Sell to close open long positions at the next bar’s open when the condition is true.'
      : 'Buy to close open short positions at the next bar’s open when the condition is true.',
    inputs: { when: 'condition' },
    outputs: {},
    params: {},
    sentence: (_params, inputs) => `closes ${side}s when ${inputs.when ?? 'the condition is true'}`,
    warmup: (_params, inputs) => warmMax(inputs),
    emitTs: ({ nodeId, inputs }) => ({
      actions: [
        `if (${inputs.when!.ts}) ctx.exit${isLong ? 'Long' : 'Short'}({ tag: '${nodeId}' })`,
      ],
      outputs: {},
    }),
    emitMql5: ({ nodeId, inputs }) => ({
      actions: [
        `if(${inputs.when!.mql5})`,
        `   TlClosePositions(g_trade, InpMagic, ${isLong ? 'POSITION_TYPE_BUY' : 'POSITION_TYPE_SELL'}, "${nodeId}");`,
      ],
      outputs: {},
    }),
  })
}
