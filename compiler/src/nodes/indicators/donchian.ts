import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmSum } from '../../targets/warmup-expr'

/**
 * Donchian channel: highest high, lowest low and their midpoint over the last N bars, this bar
 * included. Both targets run the same state machine: the runtime's `createDonchian` and
 * `TlDonchian` in `Include/Tradeloom/Indicators/Donchian.mqh`.
 */
export const donchian = defineNode({
  kind: 'donchian',
  version: 1,
  category: 'indicator',
  label: 'Donchian channel',
  description:
    "The highest high and the lowest low of the last N bars, and the line halfway between. A close above the previous bar's upper line is the classic turtle breakout.",
  inputs: {},
  outputs: { upper: 'series', middle: 'series', lower: 'series' },
  pane: 'price',
  params: { period: intParam({ label: 'Period', default: 20, min: 1, max: 5000, unit: 'bars' }) },
  sentence: ({ period }) => `Donchian channel(${period})`,
  warmup: ({ period }) => warmSum(period, warmConst(-1)),
  emitTs: ({ name, params }) => ({
    imports: ['createDonchian'],
    setup: [`const ${name} = createDonchian(${params.period.ts})`],
    onBar: [
      `const ${name}Middle = ${name}.update(ctx.high, ctx.low)`,
      `const ${name}Upper = ${name}.upper`,
      `const ${name}Lower = ${name}.lower`,
    ],
    outputs: { upper: `${name}Upper`, middle: `${name}Middle`, lower: `${name}Lower` },
  }),
  emitMql5: ({ name, params }) => ({
    includes: ['Tradeloom/Indicators/Donchian.mqh'],
    globals: [`TlDonchian g_${name};`],
    reset: [`TlDonchianInit(g_${name}, ${params.period.mql5});`],
    onBar: [
      `const double ${name}Middle = TlDonchianUpdate(g_${name}, bar.high, bar.low);`,
      `const double ${name}Upper = g_${name}.upper;`,
      `const double ${name}Lower = g_${name}.lower;`,
    ],
    outputs: { upper: `${name}Upper`, middle: `${name}Middle`, lower: `${name}Lower` },
  }),
})
