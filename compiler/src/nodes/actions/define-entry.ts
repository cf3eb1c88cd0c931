import type { EmitContext, NodeDefinition } from '../define-node'
import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

const MODIFIERS = ['stopLoss', 'takeProfit', 'trailingStop', 'breakEven', 'sizing'] as const

/** Where each modifier goes in TlOrderPlan (Include/Tradeloom/Orders.mqh). */
const PLAN_FIELDS: Record<(typeof MODIFIERS)[number], string> = {
  stopLoss: 'stopLoss',
  takeProfit: 'takeProfit',
  trailingStop: 'trailing',
  breakEven: 'breakEven',
  sizing: 'sizing',
}

/**
 * Enter long / enter short: market entry at the next bar's open when the condition is true.
 * An open opposite position is closed first; a same-side one is kept (no adding), in the runtime
 * and in `TlEnter`. Optional inputs attach a stop, a target, trailing, break-even and sizing.
 */
export function defineEntry(side: 'long' | 'short'): NodeDefinition<Record<string, never>> {
  const isLong = side === 'long'
  return defineNode({
    kind: `enter-${side}`,
    version: 1,
    category: 'action',
    label: isLong ? 'Enter long' : 'Enter short',
    description: isLong
      ? 'Buy at the next bar’s open when the condition is true. Closes a short first. Connect a stop loss, take profit, trailing stop, break-even or sizing rule to manage the trade.'
      : 'Sell short at the next bar’s open when the condition is true. Closes a long first. Connect a stop loss, take profit, trailing stop, break-even or sizing rule to manage the trade.',
    inputs: {
      when: 'condition',
      stopLoss: 'level',
      takeProfit: 'level',
      trailingStop: 'trailing',
      breakEven: 'break-even',
      sizing: 'sizing',
    },
    optionalInputs: MODIFIERS,
    outputs: {},
    params: {},
    sentence: (_params, inputs) => {
      const extras = MODIFIERS.flatMap((m) => (inputs[m] ? [inputs[m]] : []))
      const verb = isLong ? 'buys' : 'sells short'
      return `${verb} when ${inputs.when ?? 'the condition is true'}${extras.length ? `, with ${extras.join(', ')}` : ''}`
    },
    warmup: (_params, inputs) => warmMax(inputs),
    emitTs: (ctx) => {
      const fields = [`tag: '${ctx.nodeId}'`, ...MODIFIERS.flatMap((m) => (ctx.inputs[m] ? [`${m}: ${ctx.inputs[m].ts}`] : []))]
      const call = `ctx.enter${isLong ? 'Long' : 'Short'}({ ${fields.join(', ')} })`
      return {
        actions: countsEntries(ctx)
          ? [`if (${ctx.inputs.when!.ts}) {`, `  ${call}`, '  entriesToday++', '}']
          : [`if (${ctx.inputs.when!.ts}) ${call}`],
        outputs: {},
      }
    },
    emitMql5: (ctx) => ({
      includes: ['Tradeloom/Orders.mqh'],
      actions: [
        `if(${ctx.inputs.when!.mql5} && TlGuardrailsAllowEntry(g_guardrails, InpMagic))`,
        '  {',
        '   TlOrderPlan plan;',
        '   TlPlanReset(plan);',
        ...MODIFIERS.flatMap((m) => (ctx.inputs[m] ? [`   plan.${PLAN_FIELDS[m]} = ${ctx.inputs[m].mql5};`] : [])),
        `   TlEnter(g_trade, InpMagic, ${isLong ? 1 : -1}, plan, InpLots, "${ctx.nodeId}");`,
        ...(countsEntries(ctx) ? ['   g_entriesToday++;'] : []),
        '  }',
      ],
      outputs: {},
    }),
  })
}

function countsEntries(ctx: EmitContext): boolean {
  return ctx.features.has('entries-today')
}
