/**
 * Linear weighted moving average as MT5's example reproduces `iMA` with `MODE_LWMA`
 * (`Custom Moving Average.mq5` CalculateLWMA, mt5-semantics.md 1.2): newest weight n, oldest 1.
 *
 * Operation order (the MQL5 include library mirrors it; running sums, not a fresh re-sum):
 *   b = index of the first non-NaN input (MT5 `begin`), s = b + n - 1
 *   W = 1 + 2 + ... + n                                           (an exact integer)
 *   for k = 1..n (oldest first): sum = sum + p[b+k-1] * k ; lsum = lsum + p[b+k-1]
 *   L[s] = sum / W
 *   for i > s: sum = (sum - lsum) + p[i] * n ; lsum = (lsum - p[i-n]) + p[i] ; L[i] = sum / W
 *
 * Like the SMA, the running sums drift from a fresh weighted sum by ~1e-15 relative.
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current value, NaN until
 * the first one), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by zero
 * upstream, holds the last value. The batch twin does the same (holes.ts).
 */
import { checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackRows } from './holes'

/** Streaming LWMA: feed one value per bar, oldest first. */
export interface Lwma {
  /** Adds the newest value and returns the LWMA, or NaN during warm-up. */
  update(x: number): number
  readonly value: number
}

/** Index of the first valid LWMA value for a NaN-free input. */
export function lwmaWarmup(period: number): number {
  return period - 1
}

class LwmaImpl implements Lwma {
  value = NaN
  private count = 0
  private pos = 0
  private sum = 0
  private lsum = 0
  private readonly weight: number
  private readonly window: Float64Array

  constructor(private readonly period: number) {
    this.weight = (period * (period + 1)) / 2
    this.window = new Float64Array(period)
  }

  update(x: number): number {
    const n = this.period
    if (x !== x) return this.value
    if (this.count >= n) {
      const old = this.window[this.pos]!
      this.window[this.pos] = x
      if (++this.pos === n) this.pos = 0
      this.sum = this.sum - this.lsum + x * n
      this.lsum = this.lsum - old + x
      this.value = this.sum / this.weight
    } else {
      this.window[this.count] = x
      this.sum += x * (this.count + 1)
      this.lsum += x
      if (this.count === n - 1) this.value = this.sum / this.weight
    }
    this.count++
    return this.value
  }
}

/**
 * Creates a streaming MT5 LWMA.
 *
 * @example
 * const w = createLwma(10)
 */
export function createLwma(period: number): Lwma {
  checkPeriod('LWMA', period)
  return new LwmaImpl(period)
}

/** Batch MT5 LWMA; bit-identical to `createLwma`. */
export function lwma(values: Float64Array, period: number): Float64Array {
  checkPeriod('LWMA', period)
  const packed = packHoles(values)
  if (packed) return unpackRows(lwma(packed.columns.values, period), packed)
  const len = values.length
  const b = seriesBegin(values)
  const first = b + period - 1
  const out = warmupArray(len, first)
  let sum = 0
  let lsum = 0
  for (let i = b, k = 1; i <= first && i < len; i++, k++) {
    const x = values[i]!
    sum += x * k
    lsum += x
  }
  if (first >= len) return out
  const weight = (period * (period + 1)) / 2
  out[first] = sum / weight
  for (let i = first + 1; i < len; i++) {
    const x = values[i]!
    sum = sum - lsum + x * period
    lsum = lsum - values[i - period]! + x
    out[i] = sum / weight
  }
  return out
}
