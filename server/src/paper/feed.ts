import { generateSyntheticBars, liveBarAt } from '@tradeloom/runtime'
import type { Bars, LiveBar } from '@tradeloom/runtime'

/**
 * Where a paper terminal's bars come from, and at what pace: a data set replayed at
 * `barsPerSecond`, or seeded synthetic bars, one every `barSeconds` of wall time. A feed resumes
 * after `afterTime` (the newest bar a previous run of the terminal reported), so a restarted
 * terminal does not replay what it already traded.
 */
export interface BarFeed {
  /** Wall-clock milliseconds between two bars. */
  readonly intervalMs: number
  /** Bars still to come. */
  readonly remaining: number
  /** The next closed bar, or null when the feed has run out. */
  next(): LiveBar | null
  /** Words for logs and errors. */
  readonly description: string
}

/** Bars kept ready for a synthetic feed (the live session holds as many). */
export const SYNTHETIC_FEED_BARS = 50_000

/** Replays `bars` (a data set) from the first bar after `afterTime`. */
export function datasetFeed(
  bars: Bars,
  barsPerSecond: number,
  afterTime: number,
  name: string,
): BarFeed {
  if (!(barsPerSecond > 0))
    throw new RangeError(`barsPerSecond must be above 0, got ${barsPerSecond}`)
  return barsFeed(bars, firstAfter(bars, afterTime), 1000 / barsPerSecond, `data set "${name}"`)
}

/**
 * Seeded synthetic bars spaced like the deployment's timeframe, starting at `startTime`; the same
 * seed and start give the same bars, so a restart continues the same market.
 */
export function syntheticFeed(options: {
  readonly seed: number
  readonly barSeconds: number
  readonly timeframeSeconds: number
  readonly startTime: number
  readonly afterTime: number
}): BarFeed {
  if (!(options.barSeconds > 0)) {
    throw new RangeError(`barSeconds must be above 0, got ${options.barSeconds}`)
  }
  // Enough bars to reach the resume point and then SYNTHETIC_FEED_BARS more.
  const skipped =
    options.afterTime > options.startTime
      ? Math.ceil((options.afterTime - options.startTime) / options.timeframeSeconds) + 1
      : 0
  const bars = generateSyntheticBars({
    seed: options.seed,
    count: skipped + SYNTHETIC_FEED_BARS,
    timeframeSeconds: options.timeframeSeconds,
    startTime: options.startTime,
  })
  return barsFeed(
    bars,
    firstAfter(bars, options.afterTime),
    options.barSeconds * 1000,
    `synthetic bars (seed ${options.seed})`,
  )
}

function barsFeed(bars: Bars, start: number, intervalMs: number, description: string): BarFeed {
  let i = start
  return {
    intervalMs,
    description,
    get remaining() {
      return bars.length - i
    },
    next() {
      if (i >= bars.length) return null
      return liveBarAt(bars, i++)
    },
  }
}

/** Index of the first bar whose time is after `time` (binary search; bars are in time order). */
function firstAfter(bars: Bars, time: number): number {
  let lo = 0
  let hi = bars.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (bars.time[mid]! <= time) lo = mid + 1
    else hi = mid
  }
  return lo
}
