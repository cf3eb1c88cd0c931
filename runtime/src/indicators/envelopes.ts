/**
 * Envelopes as MT5 computes them (`iEnvelopes`; MetaQuotes' `Envelopes.mq5`, mt5-semantics.md 1.14).
 *
 * Operation order (the MQL5 include library mirrors it):
 *   ma[i]    = MT5 moving average of p with `method` (see moving-average.ts)
 *   upper[i] = (1 + deviation / 100.0) * ma[i]
 *   lower[i] = (1 - deviation / 100.0) * ma[i]           deviation is a percentage
 * Like the example source, the bands start at index b+n (one bar after an SMA's first value),
 * whatever the method; `ma` is exposed from the moving average's own first value.
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current `upper`, NaN
 * until the first one), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by
 * zero upstream, holds all three lines. The batch twin does the same (holes.ts).
 */
import { checkNumber, checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackLines } from './holes'
import type { MaMethod, MovingAverage } from './moving-average'
import { createMovingAverage, movingAverage } from './moving-average'

/** Streaming envelopes; read `upper`, `lower`, `ma` after `update`. */
export interface Envelopes {
  /** Adds the newest value and returns `upper`. */
  update(x: number): number
  readonly upper: number
  readonly lower: number
  readonly ma: number
}

/** Batch envelopes lines. */
export interface EnvelopesSeries {
  readonly upper: Float64Array
  readonly lower: Float64Array
  readonly ma: Float64Array
}

/** Index of the first envelope value for a NaN-free input. */
export function envelopesWarmup(period: number): number {
  return period
}

function check(period: number, deviation: number): void {
  checkPeriod('Envelopes', period)
  checkNumber('Envelopes', deviation, 'deviation')
}

class EnvelopesImpl implements Envelopes {
  upper = NaN
  lower = NaN
  ma = NaN
  private count = 0
  private readonly up: number
  private readonly down: number

  constructor(
    private readonly n: number,
    deviation: number,
    private readonly avg: MovingAverage,
  ) {
    this.up = 1 + deviation / 100.0
    this.down = 1 - deviation / 100.0
  }

  update(x: number): number {
    if (x !== x) return this.upper
    const m = this.avg.update(x)
    this.ma = m
    if (this.count++ >= this.n) {
      this.upper = this.up * m
      this.lower = this.down * m
    }
    return this.upper
  }
}

/**
 * Creates streaming MT5 envelopes (deviation in percent, e.g. 0.1).
 *
 * @example
 * const env = createEnvelopes(14, 0.1, 'sma')
 */
export function createEnvelopes(
  period: number,
  deviation: number,
  method: MaMethod = 'sma',
): Envelopes {
  check(period, deviation)
  return new EnvelopesImpl(period, deviation, createMovingAverage(method, period))
}

/** Batch MT5 envelopes; bit-identical to `createEnvelopes`. */
export function envelopes(
  values: Float64Array,
  period: number,
  deviation: number,
  method: MaMethod = 'sma',
): EnvelopesSeries {
  check(period, deviation)
  const packed = packHoles(values)
  if (packed) {
    return unpackLines(envelopes(packed.columns.values, period, deviation, method), packed)
  }
  const ma = movingAverage(values, period, method)
  const len = values.length
  const b = seriesBegin(values)
  const upper = warmupArray(len, b + period)
  const lower = warmupArray(len, b + period)
  const up = 1 + deviation / 100.0
  const down = 1 - deviation / 100.0
  for (let i = b + period; i < len; i++) {
    upper[i] = up * ma[i]!
    lower[i] = down * ma[i]!
  }
  return { upper, lower, ma }
}
