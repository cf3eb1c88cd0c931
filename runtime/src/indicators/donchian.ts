/**
 * Highest high / lowest low over the last `period` bars including the current one (MT5
 * `iHighest`/`iLowest` over a window; the Donchian / "Price Channel" lines).
 *
 * Operation order (the MQL5 include library mirrors it):
 *   upper[i]  = max(high[i-n+1..i]),  lower[i] = min(low[i-n+1..i])
 *   middle[i] = (upper[i] + lower[i]) / 2.0
 * First valid index n-1. MetaQuotes' `Price_Channel.mq5` draws the same window shifted one bar to
 * the right (the channel shown at bar i is computed on bars i-n..i-1): for a breakout rule
 * "close above the previous n-bar high", compare close[i] with upper[i-1].
 *
 * Missing input: highest / lowest skip a NaN (no state change; `update` returns the current value,
 * NaN until the first one), so leading NaNs are MT5's `begin` and a later hole holds the last
 * value. The channel skips a bar whose high or low is NaN as a whole and holds all three lines.
 * The batch twins do the same (holes.ts).
 */
import type { Bars } from '../bars'
import { checkPeriod, seriesBegin } from './checks'
import { packHoles, packRows, unpackLines, unpackRows } from './holes'
import { RollingMax, RollingMin, rollingMaxInto, rollingMinInto } from './rolling-extreme'

/** Streaming highest value of the last `period` inputs. */
export interface Highest {
  update(x: number): number
  readonly value: number
}

/** Streaming lowest value of the last `period` inputs. */
export interface Lowest {
  update(x: number): number
  readonly value: number
}

/** Streaming Donchian channel; read `upper`, `lower`, `middle` after `update`. */
export interface Donchian {
  /** Adds a closed bar and returns `middle`. */
  update(high: number, low: number): number
  readonly upper: number
  readonly lower: number
  readonly middle: number
}

/** Batch Donchian channel lines. */
export interface DonchianSeries {
  readonly upper: Float64Array
  readonly lower: Float64Array
  readonly middle: Float64Array
}

/** Index of the first valid highest / lowest / Donchian value. */
export function donchianWarmup(period: number): number {
  return period - 1
}

class ExtremeImpl {
  value = NaN
  private count = 0

  constructor(
    private readonly n: number,
    private readonly r: RollingMax | RollingMin,
  ) {}

  update(x: number): number {
    if (x !== x) return this.value
    const v = this.r.push(x)
    if (this.count++ >= this.n - 1) this.value = v
    return this.value
  }
}

/**
 * Creates a streaming highest-of-last-n (leading NaNs skipped, as MT5 `begin`).
 *
 * @example
 * const hh = createHighest(20)
 */
export function createHighest(period: number): Highest {
  checkPeriod('Highest', period)
  return new ExtremeImpl(period, new RollingMax(period))
}

/** Creates a streaming lowest-of-last-n (leading NaNs skipped, as MT5 `begin`). */
export function createLowest(period: number): Lowest {
  checkPeriod('Lowest', period)
  return new ExtremeImpl(period, new RollingMin(period))
}

function extremeSeries(values: Float64Array, period: number, isMax: boolean): Float64Array {
  const packed = packHoles(values)
  if (packed) return unpackRows(extremeSeries(packed.columns.values, period, isMax), packed)
  const len = values.length
  const b = seriesBegin(values)
  const src = b === 0 ? values : values.subarray(b)
  const ext = new Float64Array(src.length)
  if (isMax) rollingMaxInto(src, period, ext)
  else rollingMinInto(src, period, ext)
  const out = b === 0 ? ext : new Float64Array(len)
  if (b > 0) out.set(ext, b)
  out.fill(NaN, 0, Math.min(len, b + period - 1))
  return out
}

/** Batch highest-of-last-n; bit-identical to `createHighest`. */
export function highest(values: Float64Array, period: number): Float64Array {
  checkPeriod('Highest', period)
  return extremeSeries(values, period, true)
}

/** Batch lowest-of-last-n; bit-identical to `createLowest`. */
export function lowest(values: Float64Array, period: number): Float64Array {
  checkPeriod('Lowest', period)
  return extremeSeries(values, period, false)
}

class DonchianImpl implements Donchian {
  upper = NaN
  lower = NaN
  middle = NaN
  private count = 0
  private readonly hh: RollingMax
  private readonly ll: RollingMin

  constructor(private readonly n: number) {
    this.hh = new RollingMax(n)
    this.ll = new RollingMin(n)
  }

  update(high: number, low: number): number {
    if (high !== high || low !== low) return this.middle
    const u = this.hh.push(high)
    const l = this.ll.push(low)
    if (this.count++ >= this.n - 1) {
      this.upper = u
      this.lower = l
      this.middle = (u + l) / 2.0
    }
    return this.middle
  }
}

/**
 * Creates a streaming Donchian channel over high and low.
 *
 * @example
 * const ch = createDonchian(20)
 * ch.update(ctx.high, ctx.low)
 */
export function createDonchian(period: number): Donchian {
  checkPeriod('Donchian', period)
  return new DonchianImpl(period)
}

/** Batch Donchian channel; bit-identical to `createDonchian`. */
export function donchian(bars: Pick<Bars, 'high' | 'low'>, period: number): DonchianSeries {
  checkPeriod('Donchian', period)
  const packed = packRows({ high: bars.high, low: bars.low })
  if (packed) return unpackLines(donchian(packed.columns, period), packed)
  const len = bars.high.length
  const upper = new Float64Array(len)
  const lower = new Float64Array(len)
  const middle = new Float64Array(len)
  rollingMaxInto(bars.high, period, upper)
  rollingMinInto(bars.low, period, lower)
  for (let i = 0; i < len; i++) middle[i] = (upper[i]! + lower[i]!) / 2.0
  const first = Math.min(len, period - 1)
  upper.fill(NaN, 0, first)
  lower.fill(NaN, 0, first)
  middle.fill(NaN, 0, first)
  return { upper, lower, middle }
}
