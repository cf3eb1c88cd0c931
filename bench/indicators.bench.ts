/**
 * runtime.indicator.<name>.values_per_s: each batch indicator over 1,000,000 values (synthetic
 * bars); runtime.indicator.<name>.stream_values_per_s: the same through the streaming API one
 * value at a time, as a strategy calls it; runtime.indicator.<name>.slowdown_vs_baseline: how many
 * times slower the batch indicator is than the baseline, timed alternately with it (the machine
 * is shared, so only a paired ratio is stable). runtime.baseline.typed_array_pass.values_per_s is
 * the reference: allocate an output array and write one multiply per input value.
 */
import type { Bars } from '../runtime/src/index.ts'
import * as rt from '../runtime/src/index.ts'
import { measure, measurePair, report } from './harness.ts'

const N = 1_000_000
const bars: Bars = rt.generateSyntheticBars({ seed: 42, count: N })
const { high, low, close } = bars

function baseline(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = values[i]! * 0.5
  return out
}

type Update = (i: number) => number
const batch: Record<string, () => unknown> = {
  sma: () => rt.sma(close, 20),
  ema: () => rt.ema(close, 20),
  smma: () => rt.smma(close, 14),
  lwma: () => rt.lwma(close, 20),
  rsi: () => rt.rsi(close, 14),
  macd: () => rt.macd(close, 12, 26, 9),
  bollinger_bands: () => rt.bollingerBands(close, 20, 2),
  std_dev: () => rt.stdDev(close, 20),
  stochastic: () => rt.stochastic(bars, 5, 3, 3),
  atr: () => rt.atr(bars, 14),
  cci: () => rt.cci(close, 14),
  adx: () => rt.adx(bars, 14),
  adx_wilder: () => rt.adxWilder(bars, 14),
  momentum: () => rt.momentum(close, 14),
  williams_r: () => rt.williamsR(bars, 14),
  parabolic_sar: () => rt.parabolicSar(bars, 0.02, 0.2),
  envelopes: () => rt.envelopes(close, 14, 0.1, 'sma'),
  ichimoku: () => rt.ichimoku(bars, 9, 26, 52),
  donchian: () => rt.donchian(bars, 20),
  highest: () => rt.highest(high, 20),
  lowest: () => rt.lowest(low, 20),
  applied_price_typical: () => rt.appliedPriceSeries(bars, 'typical'),
}

const streaming: Record<string, () => Update> = {
  sma: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createSma(20)),
  ema: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createEma(20)),
  smma: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createSmma(14)),
  lwma: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createLwma(20)),
  rsi: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createRsi(14)),
  macd: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createMacd(12, 26, 9)),
  bollinger_bands: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createBollingerBands(20, 2)),
  std_dev: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createStdDev(20)),
  stochastic: () =>
    (
      (s) => (i: number) =>
        s.update(high[i]!, low[i]!, close[i]!)
    )(rt.createStochastic(5, 3, 3)),
  atr: () =>
    (
      (s) => (i: number) =>
        s.update(high[i]!, low[i]!, close[i]!)
    )(rt.createAtr(14)),
  cci: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createCci(14)),
  adx: () =>
    (
      (s) => (i: number) =>
        s.update(high[i]!, low[i]!, close[i]!)
    )(rt.createAdx(14)),
  adx_wilder: () =>
    (
      (s) => (i: number) =>
        s.update(high[i]!, low[i]!, close[i]!)
    )(rt.createAdxWilder(14)),
  momentum: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createMomentum(14)),
  williams_r: () =>
    (
      (s) => (i: number) =>
        s.update(high[i]!, low[i]!, close[i]!)
    )(rt.createWilliamsR(14)),
  parabolic_sar: () =>
    (
      (s) => (i: number) =>
        s.update(high[i]!, low[i]!)
    )(rt.createParabolicSar()),
  envelopes: () =>
    (
      (s) => (i: number) =>
        s.update(close[i]!)
    )(rt.createEnvelopes(14, 0.1, 'sma')),
  ichimoku: () =>
    (
      (s) => (i: number) =>
        s.update(high[i]!, low[i]!, close[i]!)
    )(rt.createIchimoku(9, 26, 52)),
  donchian: () =>
    (
      (s) => (i: number) =>
        s.update(high[i]!, low[i]!)
    )(rt.createDonchian(20)),
  highest: () =>
    (
      (s) => (i: number) =>
        s.update(high[i]!)
    )(rt.createHighest(20)),
  lowest: () =>
    (
      (s) => (i: number) =>
        s.update(low[i]!)
    )(rt.createLowest(20)),
}

const baselineRates: number[] = []
for (const [name, fn] of Object.entries(batch)) {
  const [rate, base] = measurePair(fn, () => baseline(close), { items: N, runs: 11, warmup: 5 })
  baselineRates.push(base)
  report(`runtime.indicator.${name}.values_per_s`, rate, 'values/s')
  report(`runtime.indicator.${name}.slowdown_vs_baseline`, base / rate, 'x')
}
baselineRates.sort((a, b) => a - b)
report(
  'runtime.baseline.typed_array_pass.values_per_s',
  baselineRates[Math.floor(baselineRates.length / 2)]!,
  'values/s',
)

for (const [name, make] of Object.entries(streaming)) {
  const run = () => {
    const update = make()
    let acc = 0
    for (let i = 0; i < N; i++) acc += update(i) || 0
    return acc
  }
  report(`runtime.indicator.${name}.stream_values_per_s`, measure(run, { items: N }), 'values/s')
}
