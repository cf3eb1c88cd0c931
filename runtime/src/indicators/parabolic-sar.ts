/**
 * Parabolic SAR as MT5 computes it (`iSAR`; MetaQuotes' `ParabolicSAR.mq5`, mt5-semantics.md 1.13).
 * A path-dependent state machine that STARTS SHORT at bar 0 (TradingView guesses the direction).
 *
 * Operation order (the MQL5 include library mirrors it):
 *   start: SAR[0] = high[0]; SAR[1] = max(high[0], high[1]); EP = low[1]; AF = step; short; rev = 0
 *   for each closed bar i >= 1:
 *     1. reversal with bar i's own range, extremes taken over bars rev..i:
 *        long  and SAR[i] > low[i]  -> short; SAR[i] = max(high[rev..i]); EP = low[i];  AF = step; rev = i
 *        short and SAR[i] < high[i] -> long;  SAR[i] = min(low[rev..i]);  EP = high[i]; AF = step; rev = i
 *     2. if i != rev: long and high[i] > EP -> EP = high[i], AF = min(AF + step, maximum)
 *                     short and low[i] < EP -> EP = low[i],  AF = min(AF + step, maximum)
 *                     (the cap is applied as "if AF > maximum then AF = maximum")
 *     3. SAR[i+1] = SAR[i] + AF * (EP - SAR[i]), then
 *        long:  if SAR[i+1] > low[i] or SAR[i+1] > low[i-1]   -> SAR[i+1] = min(low[i], low[i-1])
 *        short: if SAR[i+1] < high[i] or SAR[i+1] < high[i-1] -> SAR[i+1] = max(high[i], high[i-1])
 * `update` returns SAR[i] (final once bar i closed; it changes on a reversal bar) and exposes
 * `next` = SAR[i+1], already known at bar i's close. First value at index 1; NaN at bar 0.
 *
 * Missing input: a bar whose high or low is NaN is skipped as a whole (no state change; `update`
 * returns the current value and `next`, `isLong` hold). The batch runs the streaming machine, so it
 * does the same.
 */
import type { Bars } from '../bars'
import { checkNumber } from './checks'

/** Streaming Parabolic SAR. */
export interface ParabolicSar {
  /** Adds a closed bar and returns its SAR (NaN on the first bar). */
  update(high: number, low: number): number
  readonly value: number
  /** The SAR of the next (still forming) bar. */
  readonly next: number
  /** True while the SAR is below price (long trend). */
  readonly isLong: boolean
}

/** Index of the first SAR value. */
export function parabolicSarWarmup(): number {
  return 1
}

class ParabolicSarImpl implements ParabolicSar {
  value = NaN
  next = NaN
  isLong = false
  private count = 0
  private ph = 0
  private pl = 0
  private ep = 0
  private af = 0
  private revHigh = 0 // highest high over bars rev..i
  private revLow = 0 // lowest low over bars rev..i

  constructor(
    private readonly step: number,
    private readonly maximum: number,
  ) {}

  update(high: number, low: number): number {
    if (high !== high || low !== low) return this.value
    const c = this.count++
    if (c === 0) {
      this.next = high
      this.ph = high
      this.pl = low
      this.revHigh = high
      this.revLow = low
      return NaN
    }
    if (this.revHigh < high) this.revHigh = high
    if (this.revLow > low) this.revLow = low
    let sar: number
    let reversed = false
    if (c === 1) {
      // SAR[1] = GetHigh(1, 0): highest of bars 0..1; EP seeded with low[1].
      sar = this.revHigh
      this.ep = low
      this.af = this.step
    } else {
      sar = this.next
    }
    if (this.isLong) {
      if (sar > low) {
        this.isLong = false
        sar = this.revHigh
        this.ep = low
        this.af = this.step
        reversed = true
      }
    } else if (sar < high) {
      this.isLong = true
      sar = this.revLow
      this.ep = high
      this.af = this.step
      reversed = true
    }
    if (reversed) {
      this.revHigh = high
      this.revLow = low
    }
    const ph = this.ph
    const pl = this.pl
    let next: number
    if (this.isLong) {
      if (!reversed && high > this.ep) {
        this.ep = high
        this.af = this.af + this.step
        if (this.af > this.maximum) this.af = this.maximum
      }
      next = sar + this.af * (this.ep - sar)
      if (next > low || next > pl) next = Math.min(low, pl)
    } else {
      if (!reversed && low < this.ep) {
        this.ep = low
        this.af = this.af + this.step
        if (this.af > this.maximum) this.af = this.maximum
      }
      next = sar + this.af * (this.ep - sar)
      if (next < high || next < ph) next = Math.max(high, ph)
    }
    this.value = sar
    this.next = next
    this.ph = high
    this.pl = low
    return sar
  }
}

function check(step: number, maximum: number): void {
  checkNumber('Parabolic SAR', step, 'step')
  checkNumber('Parabolic SAR', maximum, 'maximum')
}

/**
 * Creates a streaming MT5 Parabolic SAR (default step 0.02, maximum 0.2).
 *
 * @example
 * const sar = createParabolicSar()
 * sar.update(ctx.high, ctx.low)
 * if (sar.isLong) ...
 */
export function createParabolicSar(step = 0.02, maximum = 0.2): ParabolicSar {
  check(step, maximum)
  return new ParabolicSarImpl(step, maximum)
}

/** Batch MT5 Parabolic SAR (SAR[i] per bar); bit-identical to `createParabolicSar`. */
export function parabolicSar(
  bars: Pick<Bars, 'high' | 'low'>,
  step = 0.02,
  maximum = 0.2,
): Float64Array {
  check(step, maximum)
  const { high, low } = bars
  const len = high.length
  const out = new Float64Array(len)
  const s = new ParabolicSarImpl(step, maximum)
  for (let i = 0; i < len; i++) out[i] = s.update(high[i]!, low[i]!)
  return out
}
