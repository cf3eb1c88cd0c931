/**
 * Drawdown measures on bar-close equity. The running peak starts at the initial cash, so a run
 * that loses from its first bar shows a drawdown (MT5's tester measures from the deposit too).
 */

/** Drawdown in money at each bar: running peak (starting at `initialCash`) minus equity, >= 0. */
export function drawdownSeries(equity: Float64Array, initialCash: number): Float64Array {
  const out = new Float64Array(equity.length)
  let peak = initialCash
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i]!
    if (e > peak) peak = e
    out[i] = peak - e
  }
  return out
}

/** Drawdown summary; see {@link drawdownStats}. */
export interface DrawdownStats {
  /** Largest peak-to-trough fall in money. */
  readonly maxDrawdown: number
  /** Largest fall relative to its peak, in percent (may come from a different episode). */
  readonly maxDrawdownPct: number
  /** Mean depth in money of the drawdown episodes (peak to recovery, or to the end); 0 without any. */
  readonly averageDrawdown: number
  /** Mean of the episodes' deepest relative falls, in percent. */
  readonly averageDrawdownPct: number
  /** Bars from a peak to the bar that regains it (or the last bar), for the longest episode. */
  readonly longestDrawdownBars: number
  /** The same episode's duration in seconds, from the peak bar's time to the recovery bar's. */
  readonly longestDrawdownSeconds: number
}

/**
 * Max, average and longest drawdown of `equity` (bar closes) over bars `0..equity.length−1`.
 * An episode starts when equity falls below its running peak and ends at the first bar that is
 * back at or above that peak. `time` gives the durations in seconds; the peak before bar 0 (the
 * initial cash) is dated at bar 0. When `series` is given, the same pass also writes the
 * drawdown at each bar into it, the numbers {@link drawdownSeries} gives (`runBacktest` reads
 * its equity curve once for both).
 */
export function drawdownStats(
  equity: Float64Array,
  time: Float64Array,
  initialCash: number,
  series?: Float64Array,
): DrawdownStats {
  // One pass, no closures: this runs over every bar of every backtest.
  let peak = initialCash
  let peakIndex = 0
  let maxDrawdown = 0
  let maxDrawdownPct = 0
  let episodes = 0
  let sumDepth = 0
  let sumDepthPct = 0
  let depth = 0
  let depthPct = 0
  let longestBars = 0
  let longestSeconds = 0
  const n = equity.length
  for (let i = 0; i <= n; i++) {
    const atEnd = i === n
    const e = atEnd ? NaN : equity[i]!
    if (atEnd || e >= peak) {
      if (depth > 0) {
        // An episode ends: at the recovery bar, or at the last bar when it never recovered.
        const endIndex = atEnd ? n - 1 : i
        episodes++
        sumDepth += depth
        sumDepthPct += depthPct
        if (endIndex - peakIndex > longestBars) {
          longestBars = endIndex - peakIndex
          longestSeconds = time[endIndex]! - time[peakIndex]!
        }
        depth = 0
        depthPct = 0
      }
      if (atEnd) break
      peak = e
      peakIndex = i
      if (series !== undefined) series[i] = peak - e
      continue
    }
    const dd = peak - e
    if (series !== undefined) series[i] = dd
    if (dd <= depth) continue
    depth = dd
    const ddPct = (dd / peak) * 100
    if (ddPct > depthPct) depthPct = ddPct
    if (dd > maxDrawdown) maxDrawdown = dd
    if (ddPct > maxDrawdownPct) maxDrawdownPct = ddPct
  }
  return {
    maxDrawdown,
    maxDrawdownPct,
    averageDrawdown: episodes === 0 ? 0 : sumDepth / episodes,
    averageDrawdownPct: episodes === 0 ? 0 : sumDepthPct / episodes,
    longestDrawdownBars: longestBars,
    longestDrawdownSeconds: longestSeconds,
  }
}
