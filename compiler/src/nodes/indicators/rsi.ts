import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmMax, warmSum } from '../../targets/warmup-expr'
import { wilderBurnIn } from './burn-in'

/**
 * Relative Strength Index as MT5 computes it (Wilder smoothing, 50 in a flat market). Recursive,
 * so the warm-up adds a burn-in (see burn-in.ts). Both targets run the same state machine: the
 * runtime's `createRsi` and `TlRsi` in `Include/Tradeloom/Indicators/Rsi.mqh`.
 */
export const rsi = defineNode({
  kind: 'rsi',
  version: 1,
  category: 'indicator',
  label: 'RSI',
  description:
    'Relative Strength Index: recent gains against recent losses on a 0 to 100 scale. Above 70 is often read as overbought, below 30 as oversold.',
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  pane: 'oscillator',
  params: { period: intParam({ label: 'Period', default: 14, min: 1, max: 1000, unit: 'bars' }) },
  sentence: ({ period }, inputs) => `RSI(${period}) of ${inputs.source ?? 'its input'}`,
  // First value after `period` changes, i.e. at index `period`; trusted after the burn-in.
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), period, wilderBurnIn(period)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createRsi'],
    setup: [`const ${name} = createRsi(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Rsi.mqh'],
    globals: [`TlRsi g_${name};`],
    reset: [`TlRsiInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlRsiUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
