import { defineNode } from '../define-node'
import { intParam, numberParam } from '../params'
import { warmMax, warmSum } from '../../targets/warmup-expr'

/**
 * Bollinger Bands as MT5 computes them: an SMA middle line re-summed every bar and a POPULATION
 * standard deviation, which MT5 forces to 0 on the first full window (so the bands are only
 * trusted one bar later). Both targets run the same state machine: the runtime's
 * `createBollingerBands` and `TlBollingerBands` in `BollingerBands.mqh`.
 */
export const bollingerBands = defineNode({
  kind: 'bollinger-bands',
  version: 1,
  category: 'indicator',
  label: 'Bollinger Bands',
  description:
    'A moving average with bands a number of standard deviations above and below it. The bands widen when prices swing more; a close outside a band is read as a stretched price or the start of a breakout.',
  inputs: { source: 'series' },
  outputs: { upper: 'series', middle: 'series', lower: 'series' },
  // Left out: bands of a price sit on the price, bands of an RSI in the RSI's pane.
  params: {
    // MT5 replaces a period below 2 by 20: refuse it rather than differ from the chart.
    period: intParam({ label: 'Period', default: 20, min: 2, max: 5000, unit: 'bars' }),
    deviation: numberParam({
      label: 'Deviations',
      default: 2,
      min: 0.1,
      max: 10,
      step: 0.1,
      unit: 'standard deviations',
    }),
  },
  sentence: ({ period, deviation }, inputs) =>
    `Bollinger Bands(${period}, ${deviation}) of ${inputs.source ?? 'its input'}`,
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), period),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createBollingerBands'],
    setup: [`const ${name} = createBollingerBands(${params.period.ts}, ${params.deviation.ts})`],
    onBar: [
      `const ${name}Middle = ${name}.update(${inputs.source!.ts})`,
      `const ${name}Upper = ${name}.upper`,
      `const ${name}Lower = ${name}.lower`,
    ],
    outputs: { upper: `${name}Upper`, middle: `${name}Middle`, lower: `${name}Lower` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/BollingerBands.mqh'],
    globals: [`TlBollingerBands g_${name};`],
    reset: [`TlBollingerBandsInit(g_${name}, ${params.period.mql5}, ${params.deviation.mql5});`],
    onBar: [
      `const double ${name}Middle = TlBollingerBandsUpdate(g_${name}, ${inputs.source!.mql5});`,
      `const double ${name}Upper = g_${name}.upper;`,
      `const double ${name}Lower = g_${name}.lower;`,
    ],
    outputs: { upper: `${name}Upper`, middle: `${name}Middle`, lower: `${name}Lower` },
  }),
})
