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
      const method = `ctx.enter${isLong ? 'Long' : 'Short'}`
      const modifiers = MODIFIERS.flatMap((m) =>
        ctx.inputs[m] ? [`${m}: ${ctx.inputs[m].ts},`] : [],
      )
      // One line for a bare entry; one field per line once stops or sizing come along.
      const call =
        modifiers.length === 0
          ? [`${method}({ tag: '${ctx.nodeId}' })`]
          : [`${method}({`, `  tag: '${ctx.nodeId}',`, ...modifiers.map((m) => `  ${m}`), '})']
      const body = countsEntries(ctx) ? [...call, 'entriesToday++'] : call
      if (body.length === 1)
        return { actions: [`if (${ctx.inputs.when!.ts}) ${body[0]}`], outputs: {} }
      return {
        actions: [`if (${ctx.inputs.when!.ts}) {`, ...body.map((line) => `  ${line}`), '}'],
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
        ...MODIFIERS.flatMap((m) =>
          ctx.inputs[m] ? [`   plan.${PLAN_FIELDS[m]} = ${ctx.inputs[m].mql5};`] : [],
        ),
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
