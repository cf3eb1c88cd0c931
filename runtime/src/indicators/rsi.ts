/**
 * Relative Strength Index as MT5 computes it (`iRSI`; MetaQuotes' `RSI.mq5`, mt5-semantics.md 1.3).
 *
 * Operation order (the MQL5 include library mirrors it):
 *   b = index of the first non-NaN input (MT5 `begin`; 0 for a price series)
 *   d[i] = p[i] - p[i-1];  U = d > 0 ? d : 0;  D = d < 0 ? -d : 0
 *   at i = b+n:  AU = (U[b+1] + ... + U[b+n]) / n   (summed oldest first), AD likewise
 *   for i > b+n: AU = (AU * (n - 1) + U[i]) / n,    AD likewise          (Wilder smoothing)
 *   RSI = AD != 0 ? 100.0 - 100.0 / (1.0 + AU / AD)
 *                 : AU != 0 ? 100.0 : 50.0        (MT5 returns 50 when both are 0; TradingView 100)
 * First valid index b+n (needs n+1 values). Recursive: see `burnInBars('wilder', n)`.
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current value, NaN until
 * the first one), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by zero
 * upstream, holds the last value; the next change is measured from the last input before the
 * hole. The batch twin does the same (holes.ts).
 */
import { checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackRows } from './holes'

/** Streaming RSI: feed one value per bar, oldest first. */
export interface Rsi {
  /** Adds the newest value and returns the RSI in [0, 100], or NaN during warm-up. */
  update(x: number): number
  readonly value: number
}

/** Index of the first valid RSI value for a NaN-free input. */
export function rsiWarmup(period: number): number {
  return period
}

/** @internal The MT5 RSI ratio, including its flat-market rule. */
function rsiValue(au: number, ad: number): number {
  if (ad !== 0.0) return 100.0 - 100.0 / (1.0 + au / ad)
  return au !== 0.0 ? 100.0 : 50.0
}

class RsiImpl implements Rsi {
  value = NaN
  private count = 0
  private prev = 0
  private au = 0
  private ad = 0
  private readonly nm1: number

  constructor(private readonly period: number) {
    this.nm1 = period - 1
  }

  update(x: number): number {
    if (x !== x) return this.value
    const n = this.period
    const c = this.count++
    const d = x - this.prev
    this.prev = x
    if (c > n) {
      this.au = (this.au * this.nm1 + (d > 0.0 ? d : 0.0)) / n
      this.ad = (this.ad * this.nm1 + (d < 0.0 ? -d : 0.0)) / n
      this.value = rsiValue(this.au, this.ad)
    } else if (c > 0) {
      // Until the seed, au and ad hold plain sums of the first n changes.
      this.au += d > 0 ? d : 0
      this.ad += d < 0 ? -d : 0
      if (c === n) {
        this.au = this.au / n
        this.ad = this.ad / n
        this.value = rsiValue(this.au, this.ad)
      }
    }
    return this.value
  }
}

/**
 * Creates a streaming MT5 RSI.
 *
 * @example
 * const rsi = createRsi(14)
 * const v = rsi.update(ctx.close) // NaN for the first 14 bars
 */
export function createRsi(period: number): Rsi {
  checkPeriod('RSI', period)
  return new RsiImpl(period)
}

/** Batch MT5 RSI; bit-identical to `createRsi`. */
export function rsi(values: Float64Array, period: number): Float64Array {
  checkPeriod('RSI', period)
  const packed = packHoles(values)
  if (packed) return unpackRows(rsi(packed.columns.values, period), packed)
  const len = values.length
  const b = seriesBegin(values)
  const first = b + period
  const out = warmupArray(len, first)
  let sp = 0
  let sn = 0
  for (let i = b + 1; i <= first && i < len; i++) {
    const d = values[i]! - values[i - 1]!
    sp += d > 0 ? d : 0
    sn += d < 0 ? -d : 0
  }
  if (first >= len) return out
  let au = sp / period
  let ad = sn / period
  out[first] = rsiValue(au, ad)
  const nm1 = period - 1
  for (let i = first + 1; i < len; i++) {
    const d = values[i]! - values[i - 1]!
    au = (au * nm1 + (d > 0.0 ? d : 0.0)) / period
    ad = (ad * nm1 + (d < 0.0 ? -d : 0.0)) / period
    out[i] = ad !== 0.0 ? 100.0 - 100.0 / (1.0 + au / ad) : au !== 0.0 ? 100.0 : 50.0
  }
  return out
}
