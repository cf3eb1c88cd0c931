import type { MonthlyReturn } from './stats'

const SECONDS_PER_DAY = 86_400

/** Trading days per year used to annualise daily ratios (√252). */
export const TRADING_DAYS_PER_YEAR = 252

/**
 * Indices of the last bar of each UTC calendar day that has bars, oldest first. One comparison
 * per bar: the next midnight is recomputed only when a day ends.
 */
export function dayEnds(time: Float64Array, length = time.length): Int32Array {
  const ends: number[] = []
  if (length === 0) return new Int32Array(0)
  let nextMidnight = (Math.floor(time[0]! / SECONDS_PER_DAY) + 1) * SECONDS_PER_DAY
  for (let i = 1; i < length; i++) {
    const t = time[i]!
    if (t < nextMidnight) continue
    ends.push(i - 1)
    nextMidnight = (Math.floor(t / SECONDS_PER_DAY) + 1) * SECONDS_PER_DAY
  }
  ends.push(length - 1)
  return Int32Array.from(ends)
}

/**
 * Daily returns of bar-close equity: each UTC calendar day that has bars is valued at its last
 * bar's equity, and its return is measured from the previous such day (the first day from
 * `initialCash`). Days without bars (weekends) produce no return rather than a zero.
 * Pass `ends` from {@link dayEnds} to reuse it.
 */
export function dailyReturns(
  equity: Float64Array,
  time: Float64Array,
  initialCash: number,
  ends: Int32Array = dayEnds(time, equity.length),
): Float64Array {
  const out = new Float64Array(ends.length)
  let previous = initialCash
  for (let k = 0; k < ends.length; k++) {
    const e = equity[ends[k]!]!
    out[k] = e / previous - 1
    previous = e
  }
  return out
}

/** Mean and sample standard deviation (n − 1); std is NaN below two values. */
export function meanAndStd(xs: Float64Array): { mean: number; std: number } {
  const n = xs.length
  if (n === 0) return { mean: NaN, std: NaN }
  let sum = 0
  for (let i = 0; i < n; i++) sum += xs[i]!
  const mean = sum / n
  if (n < 2) return { mean, std: NaN }
  let ss = 0
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2
  return { mean, std: Math.sqrt(ss / (n - 1)) }
}

/**
 * Annualised Sharpe ratio: `mean(r) / std(r) · √252` with the sample standard deviation and a
 * zero risk-free rate. NaN with fewer than two returns or zero deviation.
 */
export function sharpeRatio(returns: Float64Array): number {
  const { mean, std } = meanAndStd(returns)
  return std > 0 ? (mean / std) * Math.sqrt(TRADING_DAYS_PER_YEAR) : NaN
}

/**
 * Annualised Sortino ratio: `mean(r) / √(Σ min(r, 0)² / n) · √252` (downside deviation against a
 * zero target, over all n returns). NaN when no return is negative or there are fewer than two.
 */
export function sortinoRatio(returns: Float64Array): number {
  const n = returns.length
  if (n < 2) return NaN
  let sum = 0
  let downside = 0
  for (let i = 0; i < n; i++) {
    const r = returns[i]!
    sum += r
    if (r < 0) downside += r * r
  }
  const dd = Math.sqrt(downside / n)
  return dd > 0 ? (sum / n / dd) * Math.sqrt(TRADING_DAYS_PER_YEAR) : NaN
}

/**
 * Return of each UTC calendar month with bars, from the previous month's last bar-close equity
 * (the first month from `initialCash`) to its own last. Pass `ends` from {@link dayEnds} to reuse
 * it: months can only change where days do.
 */
export function monthlyReturns(
  equity: Float64Array,
  time: Float64Array,
  initialCash: number,
  ends: Int32Array = dayEnds(time, equity.length),
): MonthlyReturn[] {
  const rows: MonthlyReturn[] = []
  let start = initialCash
  // Calendar maths once per month: compare each day's end with the next month's first second.
  let key = ends.length > 0 ? utcMonthKey(time[ends[0]!]!) : 0
  let nextMonth = monthStartSeconds(key + 1)
  for (let k = 0; k < ends.length; k++) {
    const i = ends[k]!
    if (k + 1 < ends.length && time[ends[k + 1]!]! < nextMonth) continue
    const end = equity[i]!
    const year = Math.floor(key / 12)
    rows.push({
      year,
      month: key - year * 12 + 1,
      startEquity: start,
      endEquity: end,
      returnPct: (end / start - 1) * 100,
    })
    start = end
    if (k + 1 < ends.length) {
      key = utcMonthKey(time[ends[k + 1]!]!)
      nextMonth = monthStartSeconds(key + 1)
    }
  }
  return rows
}

/**
 * `year · 12 + (month − 1)` of an epoch-seconds time in UTC, by Howard Hinnant's civil-from-days
 * arithmetic (no Date object per bar).
 */
export function utcMonthKey(epochSeconds: number): number {
  const z = Math.floor(epochSeconds / SECONDS_PER_DAY) + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return year * 12 + month - 1
}

/**
 * Epoch seconds of 00:00 UTC on the first day of month `key` (`year · 12 + month − 1`), by Howard
 * Hinnant's days-from-civil arithmetic.
 */
export function monthStartSeconds(key: number): number {
  const month = (key % 12) + 1
  const y = Math.floor(key / 12) - (month <= 2 ? 1 : 0)
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = month > 2 ? month - 3 : month + 9
  const doy = Math.floor((153 * mp + 2) / 5)
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return (era * 146_097 + doe - 719_468) * SECONDS_PER_DAY
}
