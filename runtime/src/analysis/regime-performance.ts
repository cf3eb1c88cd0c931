import type { BacktestResult } from '../engine/result'
import { REGIMES } from './regimes'
import type { Regime } from './regimes'

/** How the strategy did while the market was in one regime. */
export interface RegimePerformance {
  readonly regime: Regime
  /** Simulated bars in this regime. */
  readonly bars: number
  /** Share of the simulated bars, in percent. */
  readonly barsPct: number
  /** Sum of bar-to-bar equity changes over these bars (the regimes' changes add up to the P&L). */
  readonly equityChange: number
  /** Compounded bar-to-bar equity return over these bars, in percent. */
  readonly returnPct: number
  /** Trades whose entry bar was in this regime, and their results. */
  readonly trades: number
  readonly wins: number
  readonly winRatePct: number
  readonly netProfit: number
}

/**
 * Splits a run's results by the regime of each bar (`classifyRegimes(bars)`): equity changes are
 * attributed to the bar they happened in, trades to the regime of their entry bar. Regimes
 * without bars are left out.
 */
export function regimePerformance(
  result: BacktestResult,
  regimes: Uint8Array,
): RegimePerformance[] {
  const last = result.lastIndex
  const k = REGIMES.length
  const bars = new Float64Array(k)
  const change = new Float64Array(k)
  const growth = new Float64Array(k).fill(1)
  const trades = new Float64Array(k)
  const wins = new Float64Array(k)
  const profit = new Float64Array(k)
  let previous = result.initialCash
  for (let i = 0; i <= last; i++) {
    const code = regimes[i]!
    const e = result.equity[i]!
    bars[code]!++
    change[code]! += e - previous
    if (previous > 0) growth[code]! *= e / previous
    previous = e
  }
  for (const t of result.trades) {
    const code = regimes[t.entryIndex]!
    trades[code]!++
    if (t.profit > 0) wins[code]!++
    profit[code]! += t.profit
  }
  const rows: RegimePerformance[] = []
  for (let code = 0; code < k; code++) {
    if (bars[code] === 0) continue
    rows.push({
      regime: REGIMES[code]!,
      bars: bars[code]!,
      barsPct: (bars[code]! / (last + 1)) * 100,
      equityChange: Math.round(change[code]! * 100) / 100,
      returnPct: (growth[code]! - 1) * 100,
      trades: trades[code]!,
      wins: wins[code]!,
      winRatePct: trades[code] === 0 ? NaN : (wins[code]! / trades[code]!) * 100,
      netProfit: Math.round(profit[code]! * 100) / 100,
    })
  }
  return rows
}
