import { defineNode } from '../define-node'
import { intParam } from '../params'

/**
 * Average True Range as MT5 computes it: a SIMPLE running average of the true range (not
 * Wilder's), from the bar's high, low and previous close. Both targets run the same state
 * machine: the runtime's `createAtr` and `TlAtr` in `Include/Tradeloom/Indicators/Atr.mqh`.
 */
export const atr = defineNode({
  kind: 'atr',
  version: 1,
  category: 'indicator',
  label: 'ATR',
  description:
    "Average True Range: how far the price typically moves in one bar, in price units. Used to set stops and targets that fit the market's current volatility.",
  inputs: {},
  outputs: { value: 'series' },
  pane: 'oscillator',
  params: { period: intParam({ label: 'Period', default: 14, min: 1, max: 1000, unit: 'bars' }) },
  sentence: ({ period }) => `ATR(${period})`,
  // The first bar has no previous close: the first value is at index `period`.
  warmup: ({ period }) => period,
  emitTs: ({ name, params }) => ({
    imports: ['createAtr'],
    setup: [`const ${name} = createAtr(${params.period.ts})`],
    onBar: [`const ${name}Value = ${name}.update(ctx.high, ctx.low, ctx.close)`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params }) => ({
    includes: ['Tradeloom/Indicators/Atr.mqh'],
    globals: [`TlAtr g_${name};`],
    reset: [`TlAtrInit(g_${name}, ${params.period.mql5});`],
    onBar: [`const double ${name}Value = TlAtrUpdate(g_${name}, bar.high, bar.low, bar.close);`],
    outputs: { value: `${name}Value` },
  }),
})
