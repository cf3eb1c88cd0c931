import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

export const closeAll = defineNode({
  kind: 'close-all',
  version: 1,
  category: 'action',
  label: 'Close all',
  description:
    'Close every open position of this strategy, long and short, at the next bar’s open when the condition is true.',
  inputs: { when: 'condition' },
  outputs: {},
  params: {},
  sentence: (_params, inputs) => `closes everything when ${inputs.when ?? 'the condition is true'}`,
  warmup: (_params, inputs) => warmMax(inputs),
  emitTs: ({ nodeId, inputs }) => ({
    actions: [`if (${inputs.when!.ts}) ctx.closeAll({ tag: '${nodeId}' })`],
    outputs: {},
  }),
  emitMql5: ({ nodeId, inputs }) => ({
    actions: [`if(${inputs.when!.mql5})`, `   TlCloseAll(g_trade, InpMagic, "${nodeId}");`],
    outputs: {},
  }),
})
