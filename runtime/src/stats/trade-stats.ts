import type { Trade } from '../engine/result'
import type { Stats } from './stats'

/** Statistics computed from the closed trades alone; the fields (and their docs) are `Stats`'s. */
export type TradeStats = Pick<
  Stats,
  | 'netProfit'
  | 'grossProfit'
  | 'grossLoss'
  | 'profitFactor'
  | 'tradeCount'
  | 'winCount'
  | 'lossCount'
  | 'longCount'
  | 'shortCount'
  | 'winRatePct'
  | 'expectancy'
  | 'expectancyR'
  | 'averageWin'
  | 'averageLoss'
  | 'largestWin'
  | 'largestLoss'
  | 'totalCommission'
  | 'averageBarsInTrade'
>

/**
 * Trade statistics. A trade with profit > 0 is a win, < 0 a loss, exactly 0 neither. Averages
 * over an empty set are NaN; the profit factor is Infinity with wins and no losses.
 */
export function tradeStats(trades: readonly Trade[]): TradeStats {
  let grossProfit = 0
  let grossLoss = 0
  let winCount = 0
  let lossCount = 0
  let longCount = 0
  let largestWin = NaN
  let largestLoss = NaN
  let commission = 0
  let bars = 0
  let rSum = 0
  let rCount = 0
  for (const t of trades) {
    const p = t.profit
    if (p > 0) {
      grossProfit += p
      winCount++
      if (!(p <= largestWin)) largestWin = p
    } else if (p < 0) {
      grossLoss += p
      lossCount++
      if (!(p >= largestLoss)) largestLoss = p
    }
    if (t.side === 'long') longCount++
    commission += t.commission
    bars += t.barsHeld
    if (t.rMultiple !== null) {
      rSum += t.rMultiple
      rCount++
    }
  }
  const n = trades.length
  const netProfit = round2(grossProfit + grossLoss)
  return {
    netProfit,
    grossProfit: round2(grossProfit),
    grossLoss: round2(grossLoss),
    profitFactor: grossLoss < 0 ? grossProfit / -grossLoss : grossProfit > 0 ? Infinity : NaN,
    tradeCount: n,
    winCount,
    lossCount,
    longCount,
    shortCount: n - longCount,
    winRatePct: n === 0 ? NaN : (winCount / n) * 100,
    expectancy: n === 0 ? NaN : netProfit / n,
    expectancyR: rCount === 0 ? NaN : rSum / rCount,
    averageWin: winCount === 0 ? NaN : grossProfit / winCount,
    averageLoss: lossCount === 0 ? NaN : grossLoss / lossCount,
    largestWin,
    largestLoss,
    totalCommission: round2(commission),
    averageBarsInTrade: n === 0 ? NaN : bars / n,
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
