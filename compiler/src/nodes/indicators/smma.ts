import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmMax, warmSum } from '../../targets/warmup-expr'
import { wilderBurnIn } from './burn-in'

/**
 * Smoothed moving average (Wilder's RMA) as MT5 computes it: an SMA seed, then a recursive
 * update, so the warm-up adds a burn-in (see burn-in.ts). Both targets run the same state
 * machine: the runtime's `createSmma` and `TlSmma` in `Include/Tradeloom/Indicators/Smma.mqh`.
 */
export const smma = defineNode({
  kind: 'smma',
  version: 1,
  category: 'indicator',
  label: 'SMMA',
  description:
    "Smoothed moving average (Wilder's average): a slow, steady average in which older bars fade out gradually. Good for long trend lines that ignore short spikes.",
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  params: { period: intParam({ label: 'Period', default: 20, min: 1, max: 5000, unit: 'bars' }) },
  sentence: ({ period }, inputs) => `SMMA(${period}) of ${inputs.source ?? 'its input'}`,
  warmup: ({ period }, inputs) =>
    warmSum(warmMax(inputs), period, warmConst(-1), wilderBurnIn(period)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createSmma'],
    setup: [`const ${name} = createSmma(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Smma.mqh'],
    globals: [`TlSmma g_${name};`],
    reset: [`TlSmmaInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlSmmaUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
