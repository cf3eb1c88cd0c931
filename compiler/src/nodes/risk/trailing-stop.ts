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

/**
 * A stop that follows the price, moved at each new bar's open from the closing-side price and
 * never backwards (runtime/src/broker/trailing.ts, TlManageStops in Orders.mqh).
 */
export const trailingStop = defineNode({
  kind: 'trailing-stop',
  version: 1,
  category: 'risk',
  label: 'Trailing stop',
  description:
    'Moves the stop behind the price as the trade gains, at the given distance, so part of the profit is kept if the price turns. Optionally starts only after the trade is some distance in profit.',
  inputs: {},
  outputs: { trailing: 'trailing' },
  params: {
    unit: unitParam('pips'),
    distance: distanceParam('Distance', 20),
    activation: distanceParam('Start after profit of', 0, 0),
    atrPeriod: atrPeriodParam(),
  },
  sentence: ({ unit, distance, activation, atrPeriod }) =>
    `a trailing stop ${describeDistance(unit, distance, atrPeriod)} behind the price` +
    (activation > 0 ? ` once ${describeDistance(unit, activation, atrPeriod)} in profit` : ''),
  warmup: ({ atrPeriod }) => atrPeriod,
  emitTs: (ctx) => {
    const unit = String(ctx.params.unit.value)
    const atr = atrState(ctx, unit)
    const distance = tsDistance(unit, ctx.params.distance, atr.name)
    const activation = tsDistance(unit, ctx.params.activation, atr.name)
    return {
      ...atr.ts,
      outputs: { trailing: `{ distance: ${distance}, activation: ${activation} }` },
    }
  },
  emitMql5: (ctx) => {
    const unit = String(ctx.params.unit.value)
    const atr = atrState(ctx, unit)
    return {
      ...atr.mql5,
      includes: [...(atr.mql5.includes ?? []), 'Tradeloom/Orders.mqh'],
      globals: [...(atr.mql5.globals ?? []), `TlTrailing g_${ctx.name};`],
      onBar: [
        ...(atr.mql5.onBar ?? []),
        `TlDistanceSet(g_${ctx.name}.distance, ${mql5DistanceArgs(unit, ctx.params.distance, atr.name)});`,
        `TlDistanceSet(g_${ctx.name}.activation, ${mql5DistanceArgs(unit, ctx.params.activation, atr.name)});`,
      ],
      outputs: { trailing: `g_${ctx.name}` },
    }
  },
})
