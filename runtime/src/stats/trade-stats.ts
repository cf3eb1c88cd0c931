import type { Trade } from '../engine/result'

/** Statistics computed from the closed trades alone; see `Stats` for each field. */
export interface TradeStats {
  readonly netProfit: number
  readonly grossProfit: number
  readonly grossLoss: number
  readonly profitFactor: number
  readonly tradeCount: number
  readonly winCount: number
  readonly lossCount: number
  readonly longCount: number
  readonly shortCount: number
  readonly winRatePct: number
  readonly expectancy: number
  readonly expectancyR: number
  readonly averageWin: number
  readonly averageLoss: number
  readonly largestWin: number
  readonly largestLoss: number
  readonly totalCommission: number
  readonly averageBarsInTrade: number
}

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
