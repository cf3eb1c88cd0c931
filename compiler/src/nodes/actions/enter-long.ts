import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

/**
 * Opens a long position at the next bar's open when its condition is true. An open short is
 * closed first; an open long is kept (no adding), the same rule in the runtime and in
 * `TlEnterLong` (Include/Tradeloom/Trade.mqh).
 */
export const enterLong = defineNode({
  kind: 'enter-long',
  version: 1,
  category: 'action',
  label: 'Enter long',
  description: 'Buy at the next bar’s open when the condition is true. Closes a short first.',
  inputs: { when: 'condition' },
  outputs: {},
  params: {},
  sentence: (_params, inputs) => `buy when ${inputs.when ?? 'the condition is true'}`,
  warmup: (_params, inputs) => warmMax(inputs),
  emitTs: ({ nodeId, inputs }) => ({
    actions: [`if (${inputs.when!.ts}) ctx.enterLong({ tag: '${nodeId}' })`],
    outputs: {},
  }),
  emitMql5: ({ nodeId, inputs }) => ({
    actions: [
      `if(${inputs.when!.mql5} && TlGuardrailsAllowEntry(g_guardrails, InpMagic))`,
      `   TlEnterLong(g_trade, InpMagic, InpLots, "${nodeId}");`,
    ],
    outputs: {},
  }),
})
