import { defineNode } from '../define-node'
import {
  atrPeriodParam,
  describeDistance,
  distanceParam,
  emitDistancePair,
  unitParam,
} from './distance'

/**
 * A stop that follows the price, moved at each new bar's open from the closing-side price and
 * never backwards (runtime/src/broker/trailing.ts, TlManageStops in Orders.mqh).
 */
const pair = emitDistancePair('trailing', 'TlTrailing', ['distance', 'activation'])

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
  emitTs: (ctx) => pair.ts(ctx),
  emitMql5: (ctx) => pair.mql5(ctx),
})
