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
 */
import { checkPeriod, nanAfterStart, warmupArray } from './checks'

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
    if (x !== x) {
      if (this.count > 0) throw nanAfterStart('SMMA', this.count)
      return NaN
    }
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
  const len = values.length
  let b = 0
  while (b < len && values[b] !== values[b]) b++
  const first = b + period - 1
  const out = warmupArray(len, first)
  let sum = 0
  for (let i = b; i <= first && i < len; i++) {
    const x = values[i]!
    if (x !== x) throw nanAfterStart('SMMA', i - b)
    sum += x
  }
  if (first >= len) return out
  const nm1 = period - 1
  let m = sum / period
  out[first] = m
  for (let i = first + 1; i < len; i++) {
    const x = values[i]!
    if (x !== x) throw nanAfterStart('SMMA', i - b)
    m = (m * nm1 + x) / period
    out[i] = m
  }
  return out
}
