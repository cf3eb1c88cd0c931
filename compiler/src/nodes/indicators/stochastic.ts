import { defineNode } from '../define-node'
import { enumParam, intParam } from '../params'
import { warmConst, warmSum } from '../../targets/warmup-expr'

/** MT5's `ENUM_STO_PRICE`, keyed by the runtime's names. */
const PRICE_FIELDS: Record<string, { label: string; mql5: string }> = {
  lowhigh: { label: 'Low/High', mql5: 'STO_LOWHIGH' },
  closeclose: { label: 'Close/Close', mql5: 'STO_CLOSECLOSE' },
}

/**
 * Stochastic oscillator as MT5 computes it: "slowing" is a ratio of sums, %D a simple average.
 * Only the SMA %D method is offered, because MT5's seeding of the others is unverified
 * (mt5-semantics.md 1.6). Reads the bar's high, low and close. Both targets run the same state
 * machine: the runtime's `createStochastic` and `TlStochastic` in `Stochastic.mqh`.
 */
export const stochastic = defineNode({
  kind: 'stochastic',
  version: 1,
  category: 'indicator',
  label: 'Stochastic',
  description:
    'Where the close sits within the recent high-low range, from 0 (at the low) to 100 (at the high), with a smoothed signal line. Above 80 is often read as overbought, below 20 as oversold.',
  inputs: {},
  outputs: { main: 'series', signal: 'series' },
  pane: 'oscillator',
  params: {
    kPeriod: intParam({ label: '%K period', default: 5, min: 1, max: 1000, unit: 'bars' }),
    dPeriod: intParam({ label: '%D period', default: 3, min: 1, max: 1000, unit: 'bars' }),
    slowing: intParam({ label: 'Slowing', default: 3, min: 1, max: 1000, unit: 'bars' }),
    priceField: enumParam({
      label: 'Price field',
      default: 'lowhigh',
      options: Object.entries(PRICE_FIELDS).map(([value, f]) => ({ value, label: f.label })),
    }),
  },
  sentence: ({ kPeriod, dPeriod, slowing, priceField }) =>
    `Stochastic(${kPeriod}, ${dPeriod}, ${slowing}${priceField === 'closeclose' ? ', close/close' : ''})`,
  // %D is first valid at index K + S + D - 3 (runtime `stochasticWarmup`).
  warmup: ({ kPeriod, dPeriod, slowing }) => warmSum(kPeriod, slowing, dPeriod, warmConst(-3)),
  emitTs: ({ name, params }) => ({
    imports: ['createStochastic'],
    setup: [
      `const ${name} = createStochastic(${params.kPeriod.ts}, ${params.dPeriod.ts}, ${params.slowing.ts}, '${params.priceField.value}')`,
    ],
    onBar: [
      `const ${name}Main = ${name}.update(ctx.high, ctx.low, ctx.close)`,
      `const ${name}Signal = ${name}.signal`,
    ],
    outputs: { main: `${name}Main`, signal: `${name}Signal` },
  }),
  emitMql5: ({ name, params }) => ({
    includes: ['Tradeloom/Indicators/Stochastic.mqh'],
    globals: [`TlStochastic g_${name};`],
    reset: [
      `TlStochasticInit(g_${name}, ${params.kPeriod.mql5}, ${params.dPeriod.mql5}, ${params.slowing.mql5}, ${PRICE_FIELDS[params.priceField.value]!.mql5});`,
    ],
    onBar: [
      `const double ${name}Main = TlStochasticUpdate(g_${name}, bar.high, bar.low, bar.close);`,
      `const double ${name}Signal = g_${name}.signal;`,
    ],
    outputs: { main: `${name}Main`, signal: `${name}Signal` },
  }),
})
