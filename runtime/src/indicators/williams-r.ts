/**
 * Williams' Percent Range as MT5 computes it (`iWPR`; MetaQuotes' `WPR.mq5`, mt5-semantics.md 1.12).
 *
 * Operation order (the MQL5 include library mirrors it):
 *   HH[i] = max(high[i-n+1..i]),  LL[i] = min(low[i-n+1..i])
 *   WPR[i] = HH != LL ? -(HH - close[i]) * 100 / (HH - LL)
 *                     : WPR[i-1]              (repeats the previous value; MT5's previous value
 *                                              at the first bar is its 0.0 placeholder, so 0.0)
 * Range -100..0. First valid index n-1.
 *
 * Missing input: a bar with any input NaN is skipped as a whole (no state change; `update` returns
 * the current value). The batch twin does the same (holes.ts).
 */
import type { Bars } from '../bars'
import { checkPeriod } from './checks'
import { packRows, unpackRows } from './holes'
import { RollingMax, RollingMin, rollingMaxInto, rollingMinInto } from './rolling-extreme'

/** Streaming Williams %R. */
export interface WilliamsR {
  /** Adds a closed bar and returns %R in [-100, 0], or NaN during warm-up. */
  update(high: number, low: number, close: number): number
  readonly value: number
}

/** Index of the first valid %R value. */
export function williamsRWarmup(period: number): number {
  return period - 1
}

class WilliamsRImpl implements WilliamsR {
  value = NaN
  private count = 0
  private prev = 0.0
  private readonly hh: RollingMax
  private readonly ll: RollingMin

  constructor(private readonly n: number) {
    this.hh = new RollingMax(n)
    this.ll = new RollingMin(n)
  }

  update(high: number, low: number, close: number): number {
    if (high !== high || low !== low || close !== close) return this.value
    const hh = this.hh.push(high)
    const ll = this.ll.push(low)
    if (this.count++ < this.n - 1) return NaN
    const v = hh !== ll ? (-(hh - close) * 100) / (hh - ll) : this.prev
    this.prev = v
    this.value = v
    return v
  }
}

/**
 * Creates a streaming MT5 Williams %R.
 *
 * @example
 * const wpr = createWilliamsR(14)
 */
export function createWilliamsR(period: number): WilliamsR {
  checkPeriod('Williams %R', period)
  return new WilliamsRImpl(period)
}

/** Batch MT5 Williams %R; bit-identical to `createWilliamsR`. */
export function williamsR(
  bars: Pick<Bars, 'high' | 'low' | 'close'>,
  period: number,
): Float64Array {
  checkPeriod('Williams %R', period)
  const packed = packRows({ high: bars.high, low: bars.low, close: bars.close })
  if (packed) return unpackRows(williamsR(packed.columns, period), packed)
  const { high, low, close } = bars
  const len = close.length
  // The rolling extremes go straight into the output arrays, then become %R in place.
  const out = new Float64Array(len)
  const lows = new Float64Array(len)
  rollingMaxInto(high, period, out)
  rollingMinInto(low, period, lows)
  let prev = 0.0
  for (let i = period - 1; i < len; i++) {
    const hh = out[i]!
    const ll = lows[i]!
    prev = hh !== ll ? (-(hh - close[i]!) * 100) / (hh - ll) : prev
    out[i] = prev
  }
  out.fill(NaN, 0, Math.min(len, period - 1))
  return out
}
