import { defineNode } from '../define-node'
import {
  atrPeriodParam,
  describeDistance,
  distanceParam,
  emitDistancePair,
  unitParam,
} from './distance'

/** Moves the stop to the entry (plus an offset) once, when the trade is far enough in profit. */
const pair = emitDistancePair('breakEven', 'TlBreakEven', ['trigger', 'offset'])

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
  emitTs: (ctx) => pair.ts(ctx),
  emitMql5: (ctx) => pair.mql5(ctx),
})
