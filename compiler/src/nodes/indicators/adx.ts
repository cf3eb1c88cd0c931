import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmSum } from '../../targets/warmup-expr'
import { emaBurnIn } from './burn-in'

/**
 * ADX as MT5's `iADX` computes it: MetaQuotes' own variant (EMA-smoothed per-bar ratios, seeded
 * with 0), NOT Wilder's ADX (that is `adx-wilder`). Recursive, so the warm-up adds a burn-in.
 * Both targets run the same state machine: the runtime's `createAdx` and `TlAdx` in `Adx.mqh`.
 */
export const adx = defineNode({
  kind: 'adx',
  version: 1,
  category: 'indicator',
  label: 'ADX',
  description:
    "Average Directional Index, MetaTrader's version: trend strength from 0 to 100, with +DI and -DI showing whether buyers or sellers lead. An ADX above about 25 suggests a trend worth following.",
  inputs: {},
  outputs: { adx: 'series', plusDi: 'series', minusDi: 'series' },
  pane: 'oscillator',
  params: {
    // MT5 replaces a period of 100 or more by 14 (mt5-semantics.md 1.1(7)).
    period: intParam({ label: 'Period', default: 14, min: 1, max: 99, unit: 'bars' }),
  },
  sentence: ({ period }) => `ADX(${period})`,
  // Values from index 1 (the first bar has no previous bar), trusted after the burn-in.
  warmup: ({ period }) => warmSum(emaBurnIn(period), warmConst(1)),
  emitTs: ({ name, params }) => ({
    imports: ['createAdx'],
    setup: [`const ${name} = createAdx(${params.period.ts})`],
    onBar: [
      `const ${name}Adx = ${name}.update(ctx.high, ctx.low, ctx.close)`,
      `const ${name}PlusDi = ${name}.plusDi`,
      `const ${name}MinusDi = ${name}.minusDi`,
    ],
    outputs: { adx: `${name}Adx`, plusDi: `${name}PlusDi`, minusDi: `${name}MinusDi` },
  }),
  emitMql5: ({ name, params }) => ({
    includes: ['Tradeloom/Indicators/Adx.mqh'],
    globals: [`TlAdx g_${name};`],
    reset: [`TlAdxInit(g_${name}, ${params.period.mql5});`],
    onBar: [
      `const double ${name}Adx = TlAdxUpdate(g_${name}, bar.high, bar.low, bar.close);`,
      `const double ${name}PlusDi = g_${name}.plusDi;`,
      `const double ${name}MinusDi = g_${name}.minusDi;`,
    ],
    outputs: { adx: `${name}Adx`, plusDi: `${name}PlusDi`, minusDi: `${name}MinusDi` },
  }),
})
