import { defineNode } from '../define-node'
import {
  atrPeriodParam,
  atrState,
  describeDistance,
  distanceParam,
  mql5DistanceArgs,
  tsDistance,
  unitParam,
} from './distance'

/** Moves the stop to the entry (plus an offset) once, when the trade is far enough in profit. */
export const breakEven = defineNode({
  kind: 'break-even',
  version: 1,
  category: 'risk',
  label: 'Break-even',
  description:
    'Once the trade is the given distance in profit, moves the stop to the entry price (plus an optional offset), so the trade can no longer lose.',
  inputs: {},
  outputs: { breakEven: 'break-even' },
  params: {
    unit: unitParam('pips'),
    trigger: distanceParam('When in profit by', 20),
    offset: distanceParam('Lock in', 0, 0),
    atrPeriod: atrPeriodParam(),
  },
  sentence: ({ unit, trigger, offset, atrPeriod }) =>
    `move the stop to break-even${offset > 0 ? ` + ${describeDistance(unit, offset, atrPeriod)}` : ''} once ${describeDistance(unit, trigger, atrPeriod)} in profit`,
  warmup: ({ atrPeriod }) => atrPeriod,
  emitTs: (ctx) => {
    const unit = String(ctx.params.unit.value)
    const atr = atrState(ctx, unit)
    const trigger = tsDistance(unit, ctx.params.trigger, atr.name)
    const offset = tsDistance(unit, ctx.params.offset, atr.name)
    return { ...atr.ts, outputs: { breakEven: `{ trigger: ${trigger}, offset: ${offset} }` } }
  },
  emitMql5: (ctx) => {
    const unit = String(ctx.params.unit.value)
    const atr = atrState(ctx, unit)
    return {
      ...atr.mql5,
      includes: [...(atr.mql5.includes ?? []), 'Tradeloom/Orders.mqh'],
      globals: [...(atr.mql5.globals ?? []), `TlBreakEven g_${ctx.name};`],
      onBar: [
        ...(atr.mql5.onBar ?? []),
        `TlDistanceSet(g_${ctx.name}.trigger, ${mql5DistanceArgs(unit, ctx.params.trigger, atr.name)});`,
        `TlDistanceSet(g_${ctx.name}.offset, ${mql5DistanceArgs(unit, ctx.params.offset, atr.name)});`,
      ],
      outputs: { breakEven: `g_${ctx.name}` },
    }
  },
})
