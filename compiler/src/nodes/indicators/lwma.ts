import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmMax, warmSum } from '../../targets/warmup-expr'

/**
 * Linear weighted moving average as MT5 computes it (running sums). Both targets run the same
 * state machine: the runtime's `createLwma` and `TlLwma` in `Include/Tradeloom/Indicators/Lwma.mqh`.
 */
export const lwma = defineNode({
  kind: 'lwma',
  version: 1,
  category: 'indicator',
  label: 'LWMA',
  description:
    'Linear weighted moving average: the newest bar counts N times, the one before N-1 times, and so on down to the oldest. Follows the price with less lag than an SMA.',
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  params: { period: intParam({ label: 'Period', default: 20, min: 1, max: 5000, unit: 'bars' }) },
  sentence: ({ period }, inputs) => `LWMA(${period}) of ${inputs.source ?? 'its input'}`,
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), period, warmConst(-1)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createLwma'],
    setup: [`const ${name} = createLwma(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Lwma.mqh'],
    globals: [`TlLwma g_${name};`],
    reset: [`TlLwmaInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlLwmaUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
