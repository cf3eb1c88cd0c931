/**
 * Smoothed moving average (Wilder's RMA) as MT5 computes it (`iMA` with `MODE_SMMA`;
 * `SmoothedMAOnBuffer` in `MovingAverages.mqh`, mt5-semantics.md 1.2).
 *
 * Operation order (the MQL5 include library mirrors it):
 *   b        = index of the first non-NaN input (MT5 `begin`)
 *   M[b+n-1] = (((p[b] + p[b+1]) + ...) + p[b+n-1]) / n      SMA seed, summed oldest first
 *   M[i]     = (M[i-1] * (n - 1) + p[i]) / n                 for i >= b+n
 *
 * Not the 2020-2024 `SmoothedMA()` single-value helper, which overwrites its own seed (1.2).
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current value, NaN until
 * the first one), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by zero
 * upstream, holds the last value. The batch twin does the same (holes.ts).
 */
import { checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackRows } from './holes'

/** Streaming SMMA: feed one value per bar, oldest first. */
export interface Smma {
  /** Adds the newest value and returns the SMMA, or NaN during warm-up. */
  update(x: number): number
  readonly value: number
}

/** Index of the first valid SMMA value for a NaN-free input. */
export function smmaWarmup(period: number): number {
  return period - 1
}

class SmmaImpl implements Smma {
  value = NaN
  private count = 0
  private sum = 0
  private readonly nm1: number

  constructor(private readonly period: number) {
    this.nm1 = period - 1
  }

  update(x: number): number {
    if (x !== x) return this.value
    const n = this.period
    if (this.count >= n) {
      this.value = (this.value * this.nm1 + x) / n
    } else {
      this.sum += x
      if (this.count === n - 1) this.value = this.sum / n
    }
    this.count++
    return this.value
  }
}

/**
 * Creates a streaming MT5 SMMA.
 *
 * @example
 * const m = createSmma(14)
 */
export function createSmma(period: number): Smma {
  checkPeriod('SMMA', period)
  return new SmmaImpl(period)
}

/** Batch MT5 SMMA; bit-identical to `createSmma`. */
export function smma(values: Float64Array, period: number): Float64Array {
  checkPeriod('SMMA', period)
  const packed = packHoles(values)
  if (packed) return unpackRows(smma(packed.columns.values, period), packed)
  const len = values.length
  const b = seriesBegin(values)
  const first = b + period - 1
  const out = warmupArray(len, first)
  let sum = 0
  for (let i = b; i <= first && i < len; i++) sum += values[i]!
  if (first >= len) return out
  const nm1 = period - 1
  let m = sum / period
  out[first] = m
  for (let i = first + 1; i < len; i++) {
    m = (m * nm1 + values[i]!) / period
    out[i] = m
  }
  return out
}
