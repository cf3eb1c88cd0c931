import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmSum } from '../../targets/warmup-expr'

/**
 * Williams' Percent Range as MT5 computes it (`iWPR`): from the bar's high, low and close; a
 * flat window repeats the previous value. Both targets run the same state machine: the
 * runtime's `createWilliamsR` and `TlWilliamsR` in `Include/Tradeloom/Indicators/WilliamsR.mqh`.
 */
export const williamsR = defineNode({
  kind: 'williams-r',
  version: 1,
  category: 'indicator',
  label: 'Williams %R',
  description:
    'Where the close sits within the recent high-low range, from -100 (at the low) to 0 (at the high). Above -20 is often read as overbought, below -80 as oversold.',
  inputs: {},
  outputs: { value: 'series' },
  pane: 'oscillator',
  params: {
    // MT5 replaces a period below 3 by 14: refuse it rather than differ from the chart.
    period: intParam({ label: 'Period', default: 14, min: 3, max: 1000, unit: 'bars' }),
  },
  sentence: ({ period }) => `Williams %R(${period})`,
  warmup: ({ period }) => warmSum(period, warmConst(-1)),
  emitTs: ({ name, params }) => ({
    imports: ['createWilliamsR'],
    setup: [`const ${name} = createWilliamsR(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(ctx.high, ctx.low, ctx.close)`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params }) => ({
    includes: ['Tradeloom/Indicators/WilliamsR.mqh'],
    globals: [`TlWilliamsR g_${name};`],
    reset: [`TlWilliamsRInit(g_${name}, ${params.period.mql5});`],
    onBar: [
      `const double ${name}Value = TlWilliamsRUpdate(g_${name}, bar.high, bar.low, bar.close);`,
    ],
    outputs: { value: `${name}Value` },
  }),
})
