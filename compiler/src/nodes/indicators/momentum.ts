import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmMax, warmSum } from '../../targets/warmup-expr'

/**
 * Momentum as MT5 computes it: a RATIO around 100 (`100 * p / p[n]`), not TradingView's
 * difference. Both targets run the same state machine: the runtime's `createMomentum` and
 * `TlMomentum` in `Include/Tradeloom/Indicators/Momentum.mqh`.
 */
export const momentum = defineNode({
  kind: 'momentum',
  version: 1,
  category: 'indicator',
  label: 'Momentum',
  description:
    'The value now as a percentage of the value N bars ago: above 100 means higher than then, below 100 lower. Shows how fast the price is moving and in which direction.',
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  pane: 'oscillator',
  params: { period: intParam({ label: 'Period', default: 14, min: 1, max: 1000, unit: 'bars' }) },
  sentence: ({ period }, inputs) => `Momentum(${period}) of ${inputs.source ?? 'its input'}`,
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), period),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createMomentum'],
    setup: [`const ${name} = createMomentum(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Momentum.mqh'],
    globals: [`TlMomentum g_${name};`],
    reset: [`TlMomentumInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlMomentumUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
