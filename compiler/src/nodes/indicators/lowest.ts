import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmMax, warmSum } from '../../targets/warmup-expr'

/**
 * Lowest of the last N values of any series (MT5's `iLowest` over a window). Both targets run
 * the same state machine: the runtime's `createLowest` and `TlLowest` in `Lowest.mqh`.
 */
export const lowest = defineNode({
  kind: 'lowest',
  version: 1,
  category: 'indicator',
  label: 'Lowest',
  description:
    "The lowest value of the input over the last N bars, this bar included. Wire the low price for the bottom of a price channel; compare a close with the previous bar's value to spot a breakdown.",
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  // Left out: the lowest low sits on the price, the lowest RSI in the RSI's pane.
  params: { period: intParam({ label: 'Period', default: 20, min: 1, max: 5000, unit: 'bars' }) },
  sentence: ({ period }, inputs) => `lowest ${inputs.source ?? 'value'} of the last ${period} bars`,
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), period, warmConst(-1)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createLowest'],
    setup: [`const ${name} = createLowest(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Lowest.mqh'],
    globals: [`TlLowest g_${name};`],
    reset: [`TlLowestInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlLowestUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
