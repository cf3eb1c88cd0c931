import type { Bars } from '../bars'
import { atr } from '../indicators/atr'
import { sma } from '../indicators/sma'

/** A bar's market regime. `unclassified` = the indicators behind the rule are still warming up. */
export type Regime = 'unclassified' | 'bull' | 'bear' | 'sideways' | 'high-volatility'

/** Regime names by code: `REGIMES[classifyRegimes(bars)[i]]` is bar i's regime. */
export const REGIMES: readonly Regime[] = Object.freeze([
  'unclassified',
  'bull',
  'bear',
  'sideways',
  'high-volatility',
])

/** Parameters of the regime rule; the defaults suit H1–D1 bars. */
export interface RegimeOptions {
  /** SMA period of the trend line. Default 100. */
  readonly trendPeriod?: number
  /** Bars over which the trend line's slope is measured. Default 20. */
  readonly slopeBars?: number
  /** ATR period. Default 14. */
  readonly atrPeriod?: number
  /** Slope, in ATRs per `slopeBars`, beyond which a bar is bull or bear. Default 1. */
  readonly trendThreshold?: number
  /** Percentile of ATR/close at or above which a bar is high-volatility. Default 80. */
  readonly volatilityPercentile?: number
}

/**
 * Classifies every bar (codes into {@link REGIMES}) by this rule, checked in order:
 * 1. `unclassified` while SMA(trendPeriod), ATR(atrPeriod) or the slope window are warming up;
 * 2. `high-volatility` when ATR/close is at or above the `volatilityPercentile`-th percentile of
 *    ATR/close over all classified bars of this data set (a retrospective rule: fine for
 *    analysis, not a trading signal);
 * 3. `bull` when `(SMA[i] − SMA[i − slopeBars]) / ATR[i] > trendThreshold`, i.e. the trend line
 *    rose more than `trendThreshold` ATRs over `slopeBars` bars; `bear` when it fell as much;
 * 4. `sideways` otherwise.
 * ATR and SMA are the runtime's MT5-exact indicators.
 */
export function classifyRegimes(bars: Bars, options: RegimeOptions = {}): Uint8Array {
  const trendPeriod = options.trendPeriod ?? 100
  const slopeBars = options.slopeBars ?? 20
  const atrPeriod = options.atrPeriod ?? 14
  const threshold = options.trendThreshold ?? 1
  const percentile = options.volatilityPercentile ?? 80
  if (!Number.isInteger(slopeBars) || slopeBars < 1) {
    throw new RangeError(`classifyRegimes: slopeBars must be an integer >= 1, got ${slopeBars}`)
  }
  if (!(percentile > 0 && percentile <= 100)) {
    throw new RangeError(
      `classifyRegimes: volatilityPercentile must be in (0, 100], got ${percentile}`,
    )
  }
  const n = bars.length
  const line = sma(bars.close.subarray(0, n), trendPeriod)
  const range = atr(bars, atrPeriod)
  const codes = new Uint8Array(n)
  const relative = new Float64Array(n).fill(NaN)
  const ready: number[] = []
  for (let i = slopeBars; i < n; i++) {
    const back = line[i - slopeBars]!
    if (back !== back || !(range[i]! > 0) || line[i] !== line[i]) continue
    relative[i] = range[i]! / bars.close[i]!
    ready.push(relative[i]!)
  }
  const cut = percentileOf(Float64Array.from(ready), percentile)
  for (let i = 0; i < n; i++) {
    const rel = relative[i]!
    if (rel !== rel) continue
    if (rel >= cut) {
      codes[i] = 4
      continue
    }
    const slope = (line[i]! - line[i - slopeBars]!) / range[i]!
    codes[i] = slope > threshold ? 1 : slope < -threshold ? 2 : 3
  }
  return codes
}

/** The p-th percentile (nearest rank) of `values`; Infinity when empty, so nothing qualifies. */
export function percentileOf(values: Float64Array, p: number): number {
  if (values.length === 0) return Infinity
  const sorted = values.slice().sort()
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}
