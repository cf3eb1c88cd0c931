import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst } from '../../targets/warmup-expr'

/**
 * True when the bar's spread is at most the limit. Both targets read the spread recorded with the
 * closed bar (MT5's `MqlRates.spread`), so the backtest and the EA decide alike.
 */
export const maxSpread = defineNode({
  kind: 'max-spread',
  version: 1,
  category: 'filter',
  label: 'Maximum spread',
  description:
    'True only when the spread is at or below the limit, to avoid entering when trading is expensive (news, rollover).',
  inputs: {},
  outputs: { result: 'condition' },
  params: {
    points: intParam({ label: 'Max spread', default: 30, min: 0, max: 100_000, unit: 'points' }),
  },
  sentence: ({ points }) => `the spread is at most ${points} points`,
  warmup: () => warmConst(0),
  emitTs: ({ name, params }) => ({
    onBar: [`const ${name} = ctx.spread <= ${params.points.ts}`],
    outputs: { result: name },
  }),
  emitMql5: ({ name, params }) => ({
    onBar: [`const bool ${name} = bar.spread <= ${params.points.mql5};`],
    outputs: { result: name },
  }),
})
