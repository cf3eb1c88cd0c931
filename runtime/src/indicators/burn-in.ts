/**
 * How many bars a recursive indicator (EMA, SMMA, RSI, MACD, ADX, ADX Wilder) needs before the
 * influence of its seed falls below `epsilon` (mt5-semantics.md 1.16): the seed decays as
 * (1 - alpha)^k, so k = ceil(ln(epsilon) / ln(1 - alpha)).
 *
 * MT5 seeds these indicators at the first bar the terminal loaded, so a backtest that starts at a
 * different bar matches MT5 only after this many bars. Finite-window indicators need no burn-in.
 */

/** Smoothing families: `ema` uses alpha = 2/(n+1) (EMA, MACD, ADX), `wilder` alpha = 1/n (SMMA, RSI, ADX Wilder). */
export type Smoothing = 'ema' | 'wilder'

/**
 * Bars after the seed until its weight is below `epsilon`.
 *
 * @example
 * burnInBars('wilder', 14) // about 311 bars for RSI(14) at 1e-10
 */
export function burnInBars(smoothing: Smoothing, period: number, epsilon = 1e-10): number {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`burnInBars: period must be an integer >= 1, got ${period}`)
  }
  if (!(epsilon > 0 && epsilon < 1)) {
    throw new RangeError(`burnInBars: epsilon must be in (0, 1), got ${epsilon}`)
  }
  const alpha = smoothing === 'ema' ? 2 / (period + 1) : 1 / period
  if (alpha >= 1) return 0
  return Math.ceil(Math.log(epsilon) / Math.log(1 - alpha))
}
