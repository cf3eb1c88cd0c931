/**
 * Exponential moving average as MT5 computes it (`iMA` with `MODE_EMA`; MetaQuotes'
 * `ExponentialMAOnBuffer` and `Custom Moving Average.mq5` CalculateEMA, mt5-semantics.md 1.2).
 *
 * Operation order (the MQL5 include library mirrors it):
 *   a    = 2.0 / (1.0 + n)
 *   b    = index of the first non-NaN input (MT5 `begin`)
 *   E[b] = p[b]                                   seeded with the FIRST PRICE, not with an SMA
 *   E[i] = p[i] * a + E[i-1] * (1.0 - a)          for i > b
 *
 * So the first valid index is b (0 for a price series). The value converges to the textbook EMA
 * only after a burn-in (~ ((n+1)/2) * ln(1/eps) bars, see `burnInBars`); MT5 depends on where its
 * history starts in exactly the same way.
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current value, NaN until
 * the first one), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by zero
 * upstream, holds the last value. The batch twin does the same (holes.ts).
 */
import { checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackRows } from './holes'

/** Streaming EMA: feed one value per bar, oldest first. */
export interface Ema {
  /** Adds the newest value and returns the EMA (NaN only until the first non-NaN input). */
  update(x: number): number
  readonly value: number
}

/** Index of the first valid EMA value for a NaN-free input: 0 (MT5 seeds with the first price). */
export function emaWarmup(_period: number): number {
  return 0
}

class EmaImpl implements Ema {
  value = NaN
  private readonly a: number
  private readonly b: number
  private count = 0

  constructor(period: number) {
    this.a = 2.0 / (1.0 + period)
    this.b = 1.0 - this.a
  }

  update(x: number): number {
    if (x !== x) return this.value
    this.value = this.count++ === 0 ? x : x * this.a + this.value * this.b
    return this.value
  }
}

/**
 * Creates a streaming MT5 EMA.
 *
 * @example
 * const ema = createEma(12)
 * ema.update(1.1) // 1.1: seeded with the first price
 */
export function createEma(period: number): Ema {
  checkPeriod('EMA', period)
  return new EmaImpl(period)
}

/** Batch MT5 EMA; bit-identical to `createEma`. */
export function ema(values: Float64Array, period: number): Float64Array {
  checkPeriod('EMA', period)
  const packed = packHoles(values)
  if (packed) return unpackRows(ema(packed.columns.values, period), packed)
  const len = values.length
  const b = seriesBegin(values)
  const out = warmupArray(len, b)
  if (b >= len) return out
  const a = 2.0 / (1.0 + period)
  const r = 1.0 - a
  let e = values[b]!
  out[b] = e
  for (let i = b + 1; i < len; i++) {
    e = values[i]! * a + e * r
    out[i] = e
  }
  return out
}
