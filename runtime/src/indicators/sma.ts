import { checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackRows } from './holes'

/**
 * Simple moving average, exactly as MT5 computes it (`iMA` with `MODE_SMA`; MetaQuotes'
 * `SimpleMAOnBuffer` in `MovingAverages.mqh`, mt5-semantics.md 1.2 and 1.1(4)).
 *
 * Operation order (the MQL5 include library mirrors it; both are IEEE-754 binary64):
 *   b        = index of the first non-NaN input (MT5 `begin`; 0 for a price series)
 *   S[b+n-1] = (((p[b] + p[b+1]) + ...) + p[b+n-1]) / n     sum from oldest to newest, then one division
 *   S[i]     = S[i-1] + (p[i] - p[i-n]) / n                 for i >= b+n (a running sum, not a re-sum)
 *   S[i]     = NaN                                          for i < b+n-1
 *
 * The running update drifts from a fresh windowed mean by ~1e-15 relative; MT5 drifts the same way,
 * so we keep it (bit-identical parity beats textbook exactness).
 *
 * Missing input: a NaN is skipped, with no state change, and `update` returns the current value
 * (NaN until the first average). Leading NaNs are thus MT5's `begin` (an SMA of another indicator
 * starts where it starts); a later NaN (a division by zero upstream) holds the last value and
 * leaves the window as it was. The batch twin does the same (holes.ts).
 */

/** Streaming SMA: feed one value per bar, oldest first. */
export interface Sma {
  /** Adds the newest value and returns the SMA, or NaN during warm-up. */
  update(x: number): number
  /** The last value returned by `update` (NaN before the first valid one). */
  readonly value: number
}

/** Index of the first valid SMA value for a NaN-free input (= number of leading NaNs). */
export function smaWarmup(period: number): number {
  return period - 1
}

class SmaImpl implements Sma {
  value = NaN
  private count = 0 // values accepted since the first non-NaN input
  private pos = 0 // ring-buffer slot of the oldest value once the window is full
  private sum = 0
  private readonly window: Float64Array

  constructor(private readonly period: number) {
    this.window = new Float64Array(period)
  }

  update(x: number): number {
    const n = this.period
    if (x !== x) return this.value
    if (this.count >= n) {
      const old = this.window[this.pos]!
      this.window[this.pos] = x
      if (++this.pos === n) this.pos = 0
      this.value = this.value + (x - old) / n
    } else {
      this.window[this.count] = x
      this.sum += x
      if (this.count === n - 1) this.value = this.sum / n
    }
    this.count++
    return this.value
  }
}

/**
 * Creates a streaming simple moving average.
 *
 * @example
 * const fast = createSma(10)
 * for (const c of closes) fast.update(c) // NaN for the first 9 values
 */
export function createSma(period: number): Sma {
  checkPeriod('SMA', period)
  return new SmaImpl(period)
}

/**
 * Batch SMA over a whole series; bit-identical to feeding `createSma` value by value.
 *
 * @example
 * const out = sma(closeSeries, 20) // out[i] is NaN for i < 19
 */
export function sma(values: Float64Array, period: number): Float64Array {
  checkPeriod('SMA', period)
  const packed = packHoles(values)
  if (packed) return unpackRows(sma(packed.columns.values, period), packed)
  const len = values.length
  const b = seriesBegin(values)
  const first = b + period - 1
  const out = warmupArray(len, first)
  let sum = 0
  for (let i = b; i <= first && i < len; i++) sum += values[i]!
  if (first >= len) return out
  let s = sum / period
  out[first] = s
  for (let i = first + 1; i < len; i++) {
    s = s + (values[i]! - values[i - period]!) / period
    out[i] = s
  }
  return out
}
