import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

/** Closes every open long of this strategy at the next bar's open when its condition is true. */
export const exitLong = defineNode({
  kind: 'exit-long',
  version: 1,
  category: 'action',
  label: 'Exit long',
  description: 'Sell to close open long positions at the next bar’s open when the condition is true.',
  inputs: { when: 'condition' },
  outputs: {},
  params: {},
  sentence: (_params, inputs) => `close longs when ${inputs.when ?? 'the condition is true'}`,
  warmup: (_params, inputs) => warmMax(inputs),
  emitTs: ({ nodeId, inputs }) => ({
    actions: [`if (${inputs.when!.ts}) ctx.exitLong({ tag: '${nodeId}' })`],
    outputs: {},
  }),
  emitMql5: ({ nodeId, inputs }) => ({
    actions: [
      `if(${inputs.when!.mql5})`,
      `   TlClosePositions(g_trade, InpMagic, POSITION_TYPE_BUY, "${nodeId}");`,
    ],
    outputs: {},
  }),
})
