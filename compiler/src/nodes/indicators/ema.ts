import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmMax, warmSum } from '../../targets/warmup-expr'
import { emaBurnIn } from './burn-in'

/**
 * Exponential moving average as MT5 computes it: seeded with the first value, so it exists from
 * the first bar but depends on where history starts. The warm-up therefore adds a burn-in (see
 * burn-in.ts). Both targets run the same state machine: the runtime's `createEma` and `TlEma` in
 * `Include/Tradeloom/Indicators/Ema.mqh`.
 */
export const ema = defineNode({
  kind: 'ema',
  version: 1,
  category: 'indicator',
  label: 'EMA',
  description:
    'Exponential moving average: an average that gives recent bars more weight, so it follows the price faster than an SMA of the same period.',
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  params: { period: intParam({ label: 'Period', default: 20, min: 1, max: 5000, unit: 'bars' }) },
  sentence: ({ period }, inputs) => `EMA(${period}) of ${inputs.source ?? 'its input'}`,
  // First value at the input's first value; trusted only after the burn-in.
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), emaBurnIn(period)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createEma'],
    setup: [`const ${name} = createEma(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Ema.mqh'],
    globals: [`TlEma g_${name};`],
    reset: [`TlEmaInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlEmaUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
