/**
 * Bollinger Bands as MT5 computes them (`iBands`; MetaQuotes' `BB.mq5`, mt5-semantics.md 1.5).
 *
 * Operation order (the MQL5 include library mirrors it); b = first non-NaN input (MT5 `begin`):
 *   middle[i] = (0.0 + p[i] + p[i-1] + ... + p[i-n+1]) / n     re-summed every bar, newest first
 *   sigma[i]  = sqrt((0.0 + (p[i]-middle[i])^2 + ... + (p[i-n+1]-middle[i])^2) / n)
 *               POPULATION sigma (divisor n), and forced to 0 at i = b+n-1 (MT5 computes it only
 *               from position n), so upper = lower = middle on that first bar
 *   upper[i]  = middle[i] + deviation * sigma[i]
 *   lower[i]  = middle[i] - deviation * sigma[i]
 * Values from b+n-1 (with sigma 0 there); fully valid from b+n (`bollingerBandsWarmup`).
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current `middle`, NaN
 * until the first one), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by
 * zero upstream, holds all three lines. The batch twin does the same (holes.ts).
 */
import { checkNumber, checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackLines } from './holes'
import {
  sumNewestFirst,
  sumNewestFirst4,
  sumSquaredDeviation,
  sumSquaredDeviation4,
  WindowBuffer,
} from './window-sums'

/** Streaming Bollinger Bands; read `middle`, `upper`, `lower` after `update`. */
export interface BollingerBands {
  /** Adds the newest value and returns `middle`. */
  update(x: number): number
  readonly middle: number
  readonly upper: number
  readonly lower: number
}

/** Batch Bollinger Bands lines. */
export interface BollingerBandsSeries {
  readonly middle: Float64Array
  readonly upper: Float64Array
  readonly lower: Float64Array
}

/** Index of the first fully valid bands value (the middle line already exists one bar earlier). */
export function bollingerBandsWarmup(period: number): number {
  return period
}

function check(period: number, deviation: number): void {
  checkPeriod('Bollinger Bands', period)
  checkNumber('Bollinger Bands', deviation, 'deviation')
}

class BollingerBandsImpl implements BollingerBands {
  middle = NaN
  upper = NaN
  lower = NaN
  private readonly w: WindowBuffer

  constructor(
    private readonly n: number,
    private readonly k: number,
  ) {
    this.w = new WindowBuffer(n)
  }

  update(x: number): number {
    const w = this.w
    if (x !== x) return this.middle
    w.push(x)
    const n = this.n
    if (w.count < n) return NaN
    const mid = sumNewestFirst(w.buf, w.end, n) / n
    const sigma = w.count > n ? Math.sqrt(sumSquaredDeviation(w.buf, w.end, n, mid) / n) : 0.0
    this.middle = mid
    this.upper = mid + this.k * sigma
    this.lower = mid - this.k * sigma
    return mid
  }
}

/**
 * Creates streaming MT5 Bollinger Bands.
 *
 * @example
 * const bb = createBollingerBands(20, 2)
 * bb.update(ctx.close)
 * if (ctx.close < bb.lower) ctx.enterLong()
 */
export function createBollingerBands(period: number, deviation: number): BollingerBands {
  check(period, deviation)
  return new BollingerBandsImpl(period, deviation)
}

/** Batch MT5 Bollinger Bands; bit-identical to `createBollingerBands`. */
export function bollingerBands(
  values: Float64Array,
  period: number,
  deviation: number,
): BollingerBandsSeries {
  check(period, deviation)
  const packed = packHoles(values)
  if (packed) return unpackLines(bollingerBands(packed.columns.values, period, deviation), packed)
  const len = values.length
  const n = period
  const b = seriesBegin(values)
  const first = b + n - 1
  const middle = warmupArray(len, first)
  const upper = warmupArray(len, first)
  const lower = warmupArray(len, first)
  if (first >= len) return { middle, upper, lower }
  // The first bar: sigma forced to 0 (MT5 computes it only from position n).
  middle[first] = upper[first] = lower[first] = sumNewestFirst(values, first, n) / n
  const mids = new Float64Array(4)
  const sums = new Float64Array(4)
  let i = first + 1
  for (; i + 3 < len; i += 4) {
    sumNewestFirst4(values, i, n, sums)
    for (let j = 0; j < 4; j++) mids[j] = sums[j]! / n
    sumSquaredDeviation4(values, i, n, mids, sums)
    for (let j = 0; j < 4; j++) {
      const mid = mids[j]!
      const sigma = Math.sqrt(sums[j]! / n)
      middle[i + j] = mid
      upper[i + j] = mid + deviation * sigma
      lower[i + j] = mid - deviation * sigma
    }
  }
  for (; i < len; i++) {
    const mid = sumNewestFirst(values, i, n) / n
    const sigma = Math.sqrt(sumSquaredDeviation(values, i, n, mid) / n)
    middle[i] = mid
    upper[i] = mid + deviation * sigma
    lower[i] = mid - deviation * sigma
  }
  return { middle, upper, lower }
}
