import type { Bars } from '../bars'
import type { OpenPosition, Trade } from '../engine/result'
import { drawdownStats } from './drawdown'
import {
  dailyReturns,
  dayEnds,
  meanAndStd,
  monthlyReturns,
  sharpeRatio,
  sortinoRatio,
  TRADING_DAYS_PER_YEAR,
} from './returns'
import type { Stats } from './stats'
import { tradeStats } from './trade-stats'

const SECONDS_PER_YEAR = 365.25 * 86_400

/** Input of {@link computeStats}. */
export interface StatsInput {
  readonly bars: Bars
  readonly trades: readonly Trade[]
  /** Bar-close equity; only bars `0..lastIndex` are used. */
  readonly equity: Float64Array
  readonly initialCash: number
  /** Last simulated bar (earlier than the data's end after an equity stop). */
  readonly lastIndex: number
  /** Positions still open at the end (they count towards exposure). */
  readonly openPositions?: readonly OpenPosition[]
}

/**
 * Computes every statistic of a run from its trades and bar-close equity. Pure: the same input
 * gives the same numbers, so the server can recompute stats of a stored run.
 *
 * @example
 * const stats = computeStats({ bars, trades: result.trades, equity: result.equity, initialCash: 10_000, lastIndex: bars.length - 1 })
 */
export function computeStats(input: StatsInput): Stats {
  return computeStatsInto(input, undefined)
}

/**
 * @internal {@link computeStats} that also writes the drawdown at bars `0..lastIndex` into
 * `drawdown`, from the same pass over the equity curve (`runBacktest` reads its curve once for
 * the series and the drawdown statistics).
 */
export function computeStatsInto(input: StatsInput, drawdown: Float64Array | undefined): Stats {
  const { bars, trades, initialCash, lastIndex } = input
  const equity = input.equity.subarray(0, lastIndex + 1)
  const time = bars.time.subarray(0, lastIndex + 1)
  const finalEquity = lastIndex >= 0 ? equity[lastIndex]! : initialCash
  const t = tradeStats(trades)
  const dd = drawdownStats(equity, time, initialCash, drawdown)
  const ends = dayEnds(time)
  const daily = dailyReturns(equity, time, initialCash, ends)
  const { std } = meanAndStd(daily)
  const years = lastIndex > 0 ? (time[lastIndex]! - time[0]!) / SECONDS_PER_YEAR : 0
  const growth = finalEquity / initialCash
  const cagrPct = years > 0 ? (growth > 0 ? (growth ** (1 / years) - 1) * 100 : -100) : NaN
  return {
    initialCash,
    finalEquity,
    netProfit: t.netProfit,
    totalReturnPct: (growth - 1) * 100,
    cagrPct,
    ...dd,
    sharpe: sharpeRatio(daily),
    sortino: sortinoRatio(daily),
    annualVolatilityPct: std * Math.sqrt(TRADING_DAYS_PER_YEAR) * 100,
    calmar: dd.maxDrawdownPct > 0 ? cagrPct / dd.maxDrawdownPct : NaN,
    grossProfit: t.grossProfit,
    grossLoss: t.grossLoss,
    profitFactor: t.profitFactor,
    tradeCount: t.tradeCount,
    winCount: t.winCount,
    lossCount: t.lossCount,
    longCount: t.longCount,
    shortCount: t.shortCount,
    winRatePct: t.winRatePct,
    expectancy: t.expectancy,
    expectancyR: t.expectancyR,
    averageWin: t.averageWin,
    averageLoss: t.averageLoss,
    largestWin: t.largestWin,
    largestLoss: t.largestLoss,
    totalCommission: t.totalCommission,
    exposurePct:
      lastIndex >= 0
        ? (exposedBars(trades, input.openPositions ?? [], lastIndex) / (lastIndex + 1)) * 100
        : 0,
    averageBarsInTrade: t.averageBarsInTrade,
    buyAndHoldReturnPct: lastIndex >= 0 ? (bars.close[lastIndex]! / bars.close[0]! - 1) * 100 : 0,
    monthlyReturns: monthlyReturns(equity, time, initialCash, ends),
  }
}

/**
 * Bars whose close saw at least one open position: the union of each trade's
 * `entryIndex .. entryIndex + barsHeld − 1` (overlapping hedged positions count once), by merging
 * the intervals sorted by start.
 */
export function exposedBars(
  trades: readonly Trade[],
  open: readonly OpenPosition[],
  lastIndex: number,
): number {
  // Netting runs record trades in entry order, so most runs merge in one pass, without sorting
  // or allocating; a trade out of entry order sends the count to the general path below.
  if (open.length === 0) {
    let count = 0
    let end = -1
    let k = 0
    for (let previous = -Infinity; k < trades.length; k++) {
      const t = trades[k]!
      if (!(t.entryIndex >= previous)) break
      previous = t.entryIndex
      const from = Math.max(t.entryIndex, end)
      const to = t.entryIndex + t.barsHeld
      if (to > from) count += to - from
      if (to > end) end = to
    }
    if (k === trades.length) return count
  }
  const intervals: [number, number][] = []
  for (const t of trades) intervals.push([t.entryIndex, t.entryIndex + t.barsHeld])
  for (const p of open) intervals.push([p.entryIndex, lastIndex + 1])
  intervals.sort((a, b) => a[0] - b[0])
  let count = 0
  let end = -1
  for (const [from, to] of intervals) {
    const start = Math.max(from, end)
    if (to > start) count += to - start
    if (to > end) end = to
  }
  return count
}
