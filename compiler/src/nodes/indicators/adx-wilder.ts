import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmSum } from '../../targets/warmup-expr'
import { wilderBurnIn } from './burn-in'

/**
 * ADX Wilder as MT5's `iADXWilder` computes it: Wilder smoothing seeded with 0 (not textbook), so
 * early values ramp up from 0 and the warm-up adds a burn-in. Both targets run the same state
 * machine: the runtime's `createAdxWilder` and `TlAdxWilder` in `AdxWilder.mqh`.
 */
export const adxWilder = defineNode({
  kind: 'adx-wilder',
  version: 1,
  category: 'indicator',
  label: 'ADX Wilder',
  description:
    'Average Directional Index as J. Welles Wilder defined it, the version most charting sites show: trend strength from 0 to 100, with +DI and -DI showing whether buyers or sellers lead.',
  inputs: {},
  outputs: { adx: 'series', plusDi: 'series', minusDi: 'series' },
  pane: 'oscillator',
  params: {
    // MT5 replaces a period of 100 or more by 14 (mt5-semantics.md 1.1(7)).
    period: intParam({ label: 'Period', default: 14, min: 1, max: 99, unit: 'bars' }),
  },
  sentence: ({ period }) => `ADX Wilder(${period})`,
  // First value at index `period`, trusted after the burn-in.
  warmup: ({ period }) => warmSum(period, wilderBurnIn(period)),
  emitTs: ({ name, params }) => ({
    imports: ['createAdxWilder'],
    setup: [`const ${name} = createAdxWilder(${params.period.ts})`],
    onBar: [
      `const ${name}Adx = ${name}.update(ctx.high, ctx.low, ctx.close)`,
      `const ${name}PlusDi = ${name}.plusDi`,
      `const ${name}MinusDi = ${name}.minusDi`,
    ],
    outputs: { adx: `${name}Adx`, plusDi: `${name}PlusDi`, minusDi: `${name}MinusDi` },
  }),
  emitMql5: ({ name, params }) => ({
    includes: ['Tradeloom/Indicators/AdxWilder.mqh'],
    globals: [`TlAdxWilder g_${name};`],
    reset: [`TlAdxWilderInit(g_${name}, ${params.period.mql5});`],
    onBar: [
      `const double ${name}Adx = TlAdxWilderUpdate(g_${name}, bar.high, bar.low, bar.close);`,
      `const double ${name}PlusDi = g_${name}.plusDi;`,
      `const double ${name}MinusDi = g_${name}.minusDi;`,
    ],
    outputs: { adx: `${name}Adx`, plusDi: `${name}PlusDi`, minusDi: `${name}MinusDi` },
  }),
})
