import { defineNode } from '../define-node'
import { intParam, numberParam } from '../params'
import { warmMax, warmSum } from '../../targets/warmup-expr'
import { wilderBurnIn } from './burn-in'
import { MA_METHODS, maMethodParam } from './ma-methods'

/**
 * Envelopes as MT5 computes them: a moving average of the chosen method times (1 +/- deviation%),
 * starting one bar after an SMA's first value whatever the method. Both targets run the same state
 * machine: the runtime's `createEnvelopes` and `TlEnvelopes` in `Envelopes.mqh`.
 */
export const envelopes = defineNode({
  kind: 'envelopes',
  version: 1,
  category: 'indicator',
  label: 'Envelopes',
  description:
    'Two bands a fixed percentage above and below a moving average. A price outside the bands is read as stretched and likely to come back, or as a breakout when it keeps going.',
  inputs: { source: 'series' },
  outputs: { upper: 'series', lower: 'series' },
  // Left out: envelopes of a price sit on the price, of anything else in that input's pane.
  params: {
    period: intParam({ label: 'Period', default: 14, min: 1, max: 5000, unit: 'bars' }),
    deviation: numberParam({
      label: 'Deviation',
      default: 0.1,
      min: 0.01,
      max: 50,
      step: 0.01,
      unit: '%',
    }),
    method: maMethodParam(),
  },
  sentence: ({ period, deviation, method }, inputs) => {
    const how = method === 'sma' ? '' : `, ${MA_METHODS[method]?.short ?? method}`
    return `Envelopes(${period}, ${deviation}%${how}) of ${inputs.source ?? 'its input'}`
  },
  // The warm-up cannot see the method (enum params reach it as constants), so it always allows
  // the burn-in of the slowest recursive method (SMMA), which also covers EMA.
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), period, wilderBurnIn(period)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createEnvelopes'],
    setup: [
      `const ${name} = createEnvelopes(${params.period.ts}, ${params.deviation.ts}, '${params.method.value}')`,
    ],
    onBar: [
      `const ${name}Upper = ${name}.update(${inputs.source!.ts})`,
      `const ${name}Lower = ${name}.lower`,
    ],
    outputs: { upper: `${name}Upper`, lower: `${name}Lower` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Envelopes.mqh'],
    globals: [`TlEnvelopes g_${name};`],
    reset: [
      `TlEnvelopesInit(g_${name}, ${params.period.mql5}, ${params.deviation.mql5}, ${MA_METHODS[params.method.value]!.mql5});`,
    ],
    onBar: [
      `const double ${name}Upper = TlEnvelopesUpdate(g_${name}, ${inputs.source!.mql5});`,
      `const double ${name}Lower = g_${name}.lower;`,
    ],
    outputs: { upper: `${name}Upper`, lower: `${name}Lower` },
  }),
})
