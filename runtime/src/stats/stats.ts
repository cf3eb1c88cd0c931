/**
 * The statistics of a run. Money is in account currency, `...Pct` fields are percentages
 * (12.5 = 12.5 %). A statistic that is undefined for the run (a profit factor without losing
 * trades, a Sharpe ratio from fewer than two days) is NaN or Infinity, which JSON turns into null.
 */
export interface Stats {
  readonly initialCash: number
  /** Equity after the last simulated bar (positions still open are marked to its close). */
  readonly finalEquity: number
  /** Sum of closed trades' net profits (commission included), as MT5's "Total net profit". */
  readonly netProfit: number
  /** `finalEquity / initialCash − 1`, in percent. */
  readonly totalReturnPct: number
  /** Compound annual growth rate over the time from the first to the last bar (365.25-day years). */
  readonly cagrPct: number
  readonly maxDrawdown: number
  readonly maxDrawdownPct: number
  readonly averageDrawdown: number
  readonly averageDrawdownPct: number
  readonly longestDrawdownBars: number
  readonly longestDrawdownSeconds: number
  /**
   * Annualised Sharpe ratio of daily returns: `mean / sample std · √252`, risk-free rate 0.
   * Daily = UTC calendar days that have bars, each valued at its last bar's close equity.
   */
  readonly sharpe: number
  /** Annualised Sortino ratio: `mean / √(mean(min(r, 0)²)) · √252` over the same daily returns. */
  readonly sortino: number
  /** Annualised volatility of daily returns: `sample std · √252 · 100`, in percent. */
  readonly annualVolatilityPct: number
  /** `cagrPct / maxDrawdownPct`. */
  readonly calmar: number
  /** Sum of winning trades' profits. */
  readonly grossProfit: number
  /** Sum of losing trades' profits (a negative number, as MT5 shows it). */
  readonly grossLoss: number
  /** `grossProfit / −grossLoss`. */
  readonly profitFactor: number
  readonly tradeCount: number
  readonly winCount: number
  readonly lossCount: number
  readonly longCount: number
  readonly shortCount: number
  /** Share of trades with a positive profit, in percent. */
  readonly winRatePct: number
  /** Average net profit per trade. */
  readonly expectancy: number
  /** Average R multiple (profit / initial risk) of the trades that had a stop loss. */
  readonly expectancyR: number
  readonly averageWin: number
  /** Negative. */
  readonly averageLoss: number
  readonly largestWin: number
  /** Negative. */
  readonly largestLoss: number
  readonly totalCommission: number
  /** Share of simulated bars that closed with a position open, in percent. */
  readonly exposurePct: number
  /** Mean of `Trade.barsHeld`. */
  readonly averageBarsInTrade: number
  /** `close[last] / close[0] − 1` of the bars, in percent: what holding the symbol did. */
  readonly buyAndHoldReturnPct: number
  /** One row per calendar month (UTC) with bars, oldest first. */
  readonly monthlyReturns: readonly MonthlyReturn[]
}

/** One calendar month's return on bar-close equity. */
export interface MonthlyReturn {
  readonly year: number
  /** 1–12. */
  readonly month: number
  /** Equity at the previous month's last close (the initial cash for the first month). */
  readonly startEquity: number
  readonly endEquity: number
  readonly returnPct: number
}
