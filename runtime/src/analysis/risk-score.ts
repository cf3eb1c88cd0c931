import type { BacktestResult } from '../engine/result'
import { dealValue } from '../broker/commission'

/** What the risk score looks at. Percentages are in percent (12 = 12 %). */
export interface RiskInputs {
  readonly maxDrawdownPct: number
  /** Annualised volatility of daily returns (`Stats.annualVolatilityPct`). */
  readonly annualVolatilityPct: number
  /** NaN without trades. */
  readonly winRatePct: number
  readonly tradeCount: number
  /** Average share of equity at risk to the initial stop per trade; NaN when no trade had a stop. */
  readonly riskPerTradePct: number
  /** Average position value / equity at entry; NaN without trades. */
  readonly leverage: number
}

/** Each part of the score, 0 (safe) to 100 (risky), and the weighted total. */
export interface RiskScore {
  /** 0–100, higher = riskier. */
  readonly score: number
  readonly components: {
    readonly drawdown: number
    readonly volatility: number
    readonly winRate: number
    readonly sampleSize: number
    readonly sizing: number
  }
}

/** Weights of the components; they sum to 1. */
export const RISK_WEIGHTS = Object.freeze({
  drawdown: 0.3,
  volatility: 0.2,
  winRate: 0.15,
  sampleSize: 0.15,
  sizing: 0.2,
})

/**
 * Risk score 0–100 (higher = riskier): a weighted sum of five components, each clamped to 0–100.
 * - drawdown   = maxDrawdownPct / 50 · 100          (a 50 % drawdown scores 100)
 * - volatility = annualVolatilityPct / 50 · 100     (50 % a year scores 100)
 * - winRate    = (60 − winRatePct) / 40 · 100       (≥ 60 % scores 0, ≤ 20 % scores 100; no trades 100)
 * - sampleSize = (1 − √(tradeCount / 100)) · 100    (0 trades 100, 25 trades 50, ≥ 100 trades 0)
 * - sizing     = max(riskPerTradePct / 5 · 100, leverage / 20 · 100)
 *                (5 % of equity risked per trade, or 20:1 leverage, scores 100; unknown parts 0)
 * score = round(0.30·drawdown + 0.20·volatility + 0.15·winRate + 0.15·sampleSize + 0.20·sizing).
 * Non-finite inputs count as the worst case, except the sizing parts, which count as unknown.
 */
export function riskScore(inputs: RiskInputs): RiskScore {
  const components = {
    drawdown: scale(inputs.maxDrawdownPct / 50),
    volatility: scale(inputs.annualVolatilityPct / 50),
    winRate: scale((60 - inputs.winRatePct) / 40),
    sampleSize: scale(1 - Math.sqrt(Math.max(0, inputs.tradeCount) / 100)),
    sizing: Math.max(known(inputs.riskPerTradePct / 5), known(inputs.leverage / 20)),
  }
  const w = RISK_WEIGHTS
  const score =
    w.drawdown * components.drawdown +
    w.volatility * components.volatility +
    w.winRate * components.winRate +
    w.sampleSize * components.sampleSize +
    w.sizing * components.sizing
  return { score: Math.round(score), components }
}

/**
 * Derives {@link RiskInputs} from a run. Equity at entry is the bar-close equity before the entry
 * bar (the initial cash for an entry on bar 0); position value is `dealValue(volume, entryPrice)`.
 */
export function riskInputsFromResult(result: BacktestResult): RiskInputs {
  let riskSum = 0
  let riskCount = 0
  let leverageSum = 0
  for (const t of result.trades) {
    const equity = t.entryIndex > 0 ? result.equity[t.entryIndex - 1]! : result.initialCash
    if (!(equity > 0)) continue
    leverageSum += dealValue(t.volume, t.entryPrice, result.symbol) / equity
    if (t.initialRisk !== null) {
      riskSum += (t.initialRisk / equity) * 100
      riskCount++
    }
  }
  const n = result.trades.length
  return {
    maxDrawdownPct: result.stats.maxDrawdownPct,
    annualVolatilityPct: result.stats.annualVolatilityPct,
    winRatePct: result.stats.winRatePct,
    tradeCount: result.stats.tradeCount,
    riskPerTradePct: riskCount === 0 ? NaN : riskSum / riskCount,
    leverage: n === 0 ? NaN : leverageSum / n,
  }
}

/** Maps a 0..1 ratio to 0..100; NaN and out-of-range values clamp, NaN to the worst case. */
function scale(ratio: number): number {
  if (ratio !== ratio) return 100
  return Math.min(100, Math.max(0, ratio * 100))
}

/** Like {@link scale}, but an unknown (NaN) part scores 0: absence of data is not sizing risk. */
function known(ratio: number): number {
  return ratio !== ratio ? 0 : scale(ratio)
}
