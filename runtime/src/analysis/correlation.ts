import type { Bars } from '../bars'

/**
 * Correlation of two symbols' daily returns, for the correlation-exposure guardrail: two
 * positions in symbols that move together are one bet twice. Days are UTC calendar days (day
 * number = floor(time / 86 400)), as the backtest statistics count them (stats/stats.ts).
 */

/** The last close of each UTC day that has bars, oldest first. */
export interface DailyCloses {
  /** UTC day numbers, strictly increasing. */
  readonly day: number[]
  readonly close: number[]
}

/** Log returns from one listed day's close to the next listed day's close. */
export interface DailyReturns {
  /** The day of the later close. */
  readonly day: number[]
  readonly value: number[]
}

export interface CorrelationOptions {
  /** How many of the most recent common daily returns to use. */
  readonly lookbackDays: number
  /** Fewer common returns than this give `null` (default 20). */
  readonly minDays?: number
}

export interface Correlation {
  /** Pearson correlation in −1..1, or null with too few common days or a flat series. */
  readonly correlation: number | null
  /** Common daily returns it was computed from. */
  readonly days: number
}

export const MIN_CORRELATION_DAYS = 20
const SECONDS_PER_DAY = 86_400

/** The last close of every UTC day of `bars` (bars in time order, as imported). */
export function dailyCloses(bars: Bars): DailyCloses {
  const day: number[] = []
  const close: number[] = []
  for (let i = 0; i < bars.length; i++) {
    const d = Math.floor(bars.time[i]! / SECONDS_PER_DAY)
    if (day.length > 0 && day[day.length - 1] === d) close[close.length - 1] = bars.close[i]!
    else {
      day.push(d)
      close.push(bars.close[i]!)
    }
  }
  return { day, close }
}

/** `ln(close[k] / close[k−1])` for every listed day after the first. */
export function dailyLogReturns(closes: DailyCloses): DailyReturns {
  const day: number[] = []
  const value: number[] = []
  for (let k = 1; k < closes.day.length; k++) {
    day.push(closes.day[k]!)
    value.push(Math.log(closes.close[k]! / closes.close[k - 1]!))
  }
  return { day, value }
}

/**
 * Pearson correlation of the daily log returns of `a` and `b` over their last
 * `options.lookbackDays` common returns. Returns are taken between consecutive days on which
 * both have a close, so a holiday in one market does not pair a two-day move with a one-day one.
 */
export function correlationOfDailyReturns(
  a: Bars,
  b: Bars,
  options: CorrelationOptions,
): Correlation {
  const { lookbackDays } = options
  const minDays = options.minDays ?? MIN_CORRELATION_DAYS
  if (!Number.isInteger(lookbackDays) || lookbackDays < 2) {
    throw new RangeError(`lookbackDays must be an integer >= 2, got ${String(lookbackDays)}`)
  }
  if (!Number.isInteger(minDays) || minDays < 2) {
    throw new RangeError(`minDays must be an integer >= 2, got ${String(minDays)}`)
  }
  const [ra, rb] = commonReturns(dailyCloses(a), dailyCloses(b))
  const from = Math.max(0, ra.length - lookbackDays)
  const x = ra.slice(from)
  const y = rb.slice(from)
  const days = x.length
  if (days < minDays) return { correlation: null, days }
  return { correlation: pearson(x, y), days }
}

/** Log returns of both series between consecutive days on which both closed. */
function commonReturns(a: DailyCloses, b: DailyCloses): [number[], number[]] {
  const ra: number[] = []
  const rb: number[] = []
  let i = 0
  let j = 0
  let prevA = NaN
  let prevB = NaN
  while (i < a.day.length && j < b.day.length) {
    const da = a.day[i]!
    const db = b.day[j]!
    if (da < db) i++
    else if (db < da) j++
    else {
      const ca = a.close[i]!
      const cb = b.close[j]!
      if (prevA === prevA) {
        ra.push(Math.log(ca / prevA))
        rb.push(Math.log(cb / prevB))
      }
      prevA = ca
      prevB = cb
      i++
      j++
    }
  }
  return [ra, rb]
}

/** Pearson's r; null when either series does not vary (r is undefined). */
function pearson(x: number[], y: number[]): number | null {
  const n = x.length
  let mx = 0
  let my = 0
  for (let k = 0; k < n; k++) {
    mx += x[k]!
    my += y[k]!
  }
  mx /= n
  my /= n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let k = 0; k < n; k++) {
    const dx = x[k]! - mx
    const dy = y[k]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  if (sxx === 0 || syy === 0) return null
  // Rounding can push |r| a hair past 1 for identical series.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)))
}
