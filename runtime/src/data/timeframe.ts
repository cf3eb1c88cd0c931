/**
 * Bar timeframes (the same names as the strategy graph's `meta.timeframe`) and detection of a
 * file's timeframe from the most common spacing between consecutive bars.
 */

/** MT5 timeframes the product supports. */
export type Timeframe = 'M1' | 'M5' | 'M15' | 'M30' | 'H1' | 'H4' | 'D1' | 'W1' | 'MN1'

const SECONDS: Record<Timeframe, number> = {
  M1: 60,
  M5: 300,
  M15: 900,
  M30: 1800,
  H1: 3600,
  H4: 14400,
  D1: 86400,
  W1: 604800,
  MN1: 2592000, // nominal 30 days; real months are 28-31 days long
}

/** Every supported timeframe, shortest first. */
export const TIMEFRAMES: readonly Timeframe[] = [
  'M1',
  'M5',
  'M15',
  'M30',
  'H1',
  'H4',
  'D1',
  'W1',
  'MN1',
]

/** Nominal length of one bar in seconds (MN1: 30 days). */
export function timeframeSeconds(timeframe: Timeframe): number {
  const s = SECONDS[timeframe]
  if (s === undefined) throw new RangeError(`unknown timeframe ${JSON.stringify(timeframe)}`)
  return s
}

/** The most common positive spacing between consecutive times, or NaN with fewer than 2 bars. */
export function modalSpacing(time: Float64Array, length = time.length): number {
  const counts = new Map<number, number>()
  for (let i = 1; i < length; i++) {
    const d = time[i]! - time[i - 1]!
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1)
  }
  let best = NaN
  let bestCount = 0
  for (const [d, c] of counts) {
    if (c > bestCount || (c === bestCount && d < best)) {
      best = d
      bestCount = c
    }
  }
  return best
}

/**
 * The timeframe whose bar length equals the modal spacing (any 28-31 day spacing is MN1), or
 * null when the spacing matches none (e.g. M2 or H12 bars, or fewer than 2 bars).
 *
 * @example
 * detectTimeframe(bars.time) // 'M15'
 */
export function detectTimeframe(time: Float64Array, length = time.length): Timeframe | null {
  const d = modalSpacing(time, length)
  if (d >= 28 * 86400 && d <= 31 * 86400) return 'MN1'
  for (const tf of TIMEFRAMES) if (SECONDS[tf] === d) return tf
  return null
}
