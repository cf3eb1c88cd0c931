/**
 * Momentum as MT5 computes it (`iMomentum`; MetaQuotes' `Momentum.mq5`, mt5-semantics.md 1.11).
 *
 * Operation order (the MQL5 include library mirrors it); b = first non-NaN input:
 *   MOM[i] = p[i] * 100 / p[i-n]          for i >= b+n
 * A RATIO around 100, not TradingView's / TA-Lib's difference p[i] - p[i-n].
 * First valid index b+n.
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current value, NaN until
 * the first one), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by zero
 * upstream, holds the last value. The batch twin does the same (holes.ts).
 */
import { checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackRows } from './holes'

/** Streaming momentum. */
export interface Momentum {
  /** Adds the newest value and returns the momentum, or NaN during warm-up. */
  update(x: number): number
  readonly value: number
}

/** Index of the first valid momentum value for a NaN-free input. */
export function momentumWarmup(period: number): number {
  return period
}

class MomentumImpl implements Momentum {
  value = NaN
  private count = 0
  private pos = 0
  private readonly window: Float64Array

  constructor(private readonly n: number) {
    this.window = new Float64Array(n)
  }

  update(x: number): number {
    if (x !== x) return this.value
    // The slot about to be overwritten holds p[i-n].
    const old = this.window[this.pos]!
    this.window[this.pos] = x
    if (++this.pos === this.n) this.pos = 0
    if (this.count++ >= this.n) this.value = (x * 100) / old
    return this.value
  }
}

/**
 * Creates a streaming MT5 momentum.
 *
 * @example
 * const mom = createMomentum(14)
 */
export function createMomentum(period: number): Momentum {
  checkPeriod('Momentum', period)
  return new MomentumImpl(period)
}

/** Batch MT5 momentum; bit-identical to `createMomentum`. */
export function momentum(values: Float64Array, period: number): Float64Array {
  checkPeriod('Momentum', period)
  const packed = packHoles(values)
  if (packed) return unpackRows(momentum(packed.columns.values, period), packed)
  const len = values.length
  const b = seriesBegin(values)
  const out = warmupArray(len, b + period)
  for (let i = b + period; i < len; i++) out[i] = (values[i]! * 100) / values[i - period]!
  return out
}
