import type { WarmupExpr } from '../../targets/warmup-expr'
import { warmCeil, warmConst, warmSum } from '../../targets/warmup-expr'

/**
 * Burn-ins for the recursive indicators (mt5-semantics.md 1.16). MT5 seeds them at the first bar
 * the terminal loaded, so a strategy may only trust them once the seed's weight (1 - alpha)^k is
 * below epsilon = 1e-10. The runtime's `burnInBars` computes k = ceil(ln(eps) / ln(1 - alpha));
 * the compiler cannot import runtime values, and the warm-up must stay an expression a trader's
 * MQL5 input can change, so we use the linear bound ln(1/eps) / alpha, which is never smaller
 * (since -ln(1 - alpha) > alpha) and exceeds it by about ln(1/eps) / 2 = 12 bars.
 * burn-in.test.ts checks both claims against `burnInBars`.
 */

/** ln(1e10) / 2 = 11.51292..., rounded up. */
const EMA_FACTOR = 11.513
/** ln(1e10) = 23.02585..., rounded up. */
const WILDER_FACTOR = 23.026

/** Bars until an EMA-family seed (alpha = 2 / (n + 1): EMA, MACD, ADX) is negligible. */
export function emaBurnIn(period: WarmupExpr): WarmupExpr {
  return warmCeil(EMA_FACTOR, '*', warmSum(period, warmConst(1)))
}

/** Bars until a Wilder seed (alpha = 1 / n: SMMA, RSI, ADX Wilder) is negligible. */
export function wilderBurnIn(period: WarmupExpr): WarmupExpr {
  return warmCeil(WILDER_FACTOR, '*', period)
}

/**
 * Bars until two Parabolic SARs started at different bars agree bit for bit. SAR has no decaying
 * seed: its state re-synchronises at reversals, which come about every 1 / step bars. Measured on
 * EURUSD H1 (54k bars) and three 20k-bar synthetic markets, for steps 0.001 to 0.1 and starts
 * every 97 bars, the worst case was 3.7 / step bars; we allow 6 / step.
 */
export function sarBurnIn(step: WarmupExpr): WarmupExpr {
  return warmCeil(6, '/', step)
}
