import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmMax, warmSum } from '../../targets/warmup-expr'

/**
 * Commodity Channel Index as MT5 computes it, over an applied price like MT5's `iCCI` (wire a
 * Price node; MT5's default is the typical price). Both targets run the same state machine: the
 * runtime's `createCci` and `TlCci` in `Include/Tradeloom/Indicators/Cci.mqh`.
 */
export const cci = defineNode({
  kind: 'cci',
  version: 1,
  category: 'indicator',
  label: 'CCI',
  description:
    'Commodity Channel Index: how far the price is from its average, measured against its usual distance. Above +100 or below -100 marks an unusually strong move. Usually applied to the typical price.',
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  pane: 'oscillator',
  params: { period: intParam({ label: 'Period', default: 14, min: 1, max: 1000, unit: 'bars' }) },
  sentence: ({ period }, inputs) => `CCI(${period}) of ${inputs.source ?? 'its input'}`,
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), period, warmConst(-1)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createCci'],
    setup: [`const ${name} = createCci(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Cci.mqh'],
    globals: [`TlCci g_${name};`],
    reset: [`TlCciInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlCciUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
