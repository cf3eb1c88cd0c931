/**
 * Momentum as MT5 computes it (`iMomentum`; MetaQuotes' `Momentum.mq5`, mt5-semantics.md 1.11).
 *
 * Operation order (the MQL5 include library mirrors it); b = first non-NaN input:
 *   MOM[i] = p[i] * 100 / p[i-n]          for i >= b+n
 * A RATIO around 100, not TradingView's / TA-Lib's difference p[i] - p[i-n].
 * First valid index b+n.
 */
import { checkPeriod, nanAfterStart, warmupArray } from './checks'

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
    if (x !== x) {
      if (this.count > 0) throw nanAfterStart('Momentum', this.count)
      return NaN
    }
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
  const len = values.length
  let b = 0
  while (b < len && values[b] !== values[b]) b++
  const out = warmupArray(len, b + period)
  for (let i = b; i < len; i++) {
    const x = values[i]!
    if (x !== x) throw nanAfterStart('Momentum', i - b)
    if (i >= b + period) out[i] = (x * 100) / values[i - period]!
  }
  return out
}
