import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmMax, warmSum, warmConst } from '../../targets/warmup-expr'

/**
 * Simple moving average. Both targets run the same streaming state machine: the runtime's
 * `createSma` and `TlSma` in `Include/Tradeloom/Indicators/Sma.mqh` (MT5's running sum).
 */
export const sma = defineNode({
  kind: 'sma',
  version: 1,
  category: 'indicator',
  label: 'SMA',
  description:
    'Simple moving average: the plain average of the last N values. Smooths the input; a longer period reacts more slowly.',
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  params: { period: intParam({ label: 'Period', default: 20, min: 1, max: 5000, unit: 'bars' }) },
  sentence: ({ period }, inputs) => `SMA(${period}) of ${inputs.source ?? 'its input'}`,
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), period, warmConst(-1)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createSma'],
    setup: [`const ${name} = createSma(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Sma.mqh'],
    globals: [`TlSma g_${name};`],
    reset: [`TlSmaInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlSmaUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
