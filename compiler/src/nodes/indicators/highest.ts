import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmMax, warmSum } from '../../targets/warmup-expr'

/**
 * Highest of the last N values of any series (MT5's `iHighest` over a window). Both targets run
 * the same state machine: the runtime's `createHighest` and `TlHighest` in `Highest.mqh`.
 */
export const highest = defineNode({
  kind: 'highest',
  version: 1,
  category: 'indicator',
  label: 'Highest',
  description:
    "The highest value of the input over the last N bars, this bar included. Wire the high price for the top of a price channel; compare a close with the previous bar's value to spot a breakout.",
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  // Left out: the highest high sits on the price, the highest RSI in the RSI's pane.
  params: { period: intParam({ label: 'Period', default: 20, min: 1, max: 5000, unit: 'bars' }) },
  sentence: ({ period }, inputs) =>
    `highest ${inputs.source ?? 'value'} of the last ${period} bars`,
  warmup: ({ period }, inputs) => warmSum(warmMax(inputs), period, warmConst(-1)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createHighest'],
    setup: [`const ${name} = createHighest(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Highest.mqh'],
    globals: [`TlHighest g_${name};`],
    reset: [`TlHighestInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlHighestUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
