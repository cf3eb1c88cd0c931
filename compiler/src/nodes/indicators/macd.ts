import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmMax, warmSum } from '../../targets/warmup-expr'
import { emaBurnIn } from './burn-in'

/**
 * MACD as MT5 computes it: two first-value-seeded EMAs, and a SIMPLE moving average as the
 * signal line (TradingView uses an EMA). The histogram is main - signal (MT5's OsMA). Both targets
 * run the same state machine: the runtime's `createMacd` and `TlMacd` in `Macd.mqh`.
 */
export const macd = defineNode({
  kind: 'macd',
  version: 1,
  category: 'indicator',
  label: 'MACD',
  description:
    'Moving Average Convergence Divergence: the gap between a fast and a slow EMA (main line), its average (signal line) and their difference (histogram). A main line crossing above its signal is a classic buy signal.',
  inputs: { source: 'series' },
  outputs: { main: 'series', signal: 'series', histogram: 'series' },
  pane: 'oscillator',
  params: {
    fastPeriod: intParam({
      label: 'Fast EMA period',
      default: 12,
      min: 1,
      max: 1000,
      unit: 'bars',
    }),
    slowPeriod: intParam({
      label: 'Slow EMA period',
      default: 26,
      min: 1,
      max: 1000,
      unit: 'bars',
    }),
    signalPeriod: intParam({ label: 'Signal period', default: 9, min: 1, max: 1000, unit: 'bars' }),
  },
  sentence: ({ fastPeriod, slowPeriod, signalPeriod }, inputs) =>
    `MACD(${fastPeriod}, ${slowPeriod}, ${signalPeriod}) of ${inputs.source ?? 'its input'}`,
  // The signal averages `signalPeriod` main values; those must all lie past the EMAs' burn-in.
  warmup: ({ fastPeriod, slowPeriod, signalPeriod }, inputs) =>
    warmSum(
      warmMax(inputs),
      emaBurnIn(warmMax([fastPeriod, slowPeriod])),
      signalPeriod,
      warmConst(-1),
    ),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createMacd'],
    setup: [
      `const ${name} = createMacd(${params.fastPeriod.ts}, ${params.slowPeriod.ts}, ${params.signalPeriod.ts})`,
    ],
    onBar: [
      `const ${name}Main = ${name}.update(${inputs.source!.ts})`,
      `const ${name}Signal = ${name}.signal`,
      `const ${name}Histogram = ${name}.histogram`,
    ],
    outputs: { main: `${name}Main`, signal: `${name}Signal`, histogram: `${name}Histogram` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/Macd.mqh'],
    globals: [`TlMacd g_${name};`],
    reset: [
      `TlMacdInit(g_${name}, ${params.fastPeriod.mql5}, ${params.slowPeriod.mql5}, ${params.signalPeriod.mql5});`,
    ],
    onBar: [
      `const double ${name}Main = TlMacdUpdate(g_${name}, ${inputs.source!.mql5});`,
      `const double ${name}Signal = g_${name}.signal;`,
      `const double ${name}Histogram = g_${name}.histogram;`,
    ],
    outputs: { main: `${name}Main`, signal: `${name}Signal`, histogram: `${name}Histogram` },
  }),
})
