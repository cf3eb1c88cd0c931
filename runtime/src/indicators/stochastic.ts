/**
 * Stochastic oscillator as MT5 computes it (`iStochastic` with MODE_SMA; MetaQuotes'
 * `Stochastic.mq5`, mt5-semantics.md 1.6).
 *
 * Operation order (the MQL5 include library mirrors it); K, D, S = kPeriod, dPeriod, slowing:
 *   priceField 'lowhigh':     HH[i] = max(high[i-K+1..i]),  LL[i] = min(low[i-K+1..i])
 *   priceField 'closeclose':  HH[i] = max(close[i-K+1..i]), LL[i] = min(close[i-K+1..i])
 *   for j = i-S+1 .. i (oldest first): sumLow += close[j] - LL[j];  sumHigh += HH[j] - LL[j]
 *   main[i]   = sumHigh == 0 ? 100.0 : sumLow / sumHigh * 100      (slowing is a RATIO OF SUMS)
 *   signal[i] = (0.0 + main[i] + main[i-1] + ... + main[i-D+1]) / D  (SMA, newest first)
 * main is valid from K+S-2, signal from K+S+D-3. MT5 itself averages leading zeros of main into
 * the signal before that; we return NaN there instead.
 * Deviation from the example source: it starts its min/max scan at +/-1e6, which breaks for prices
 * above 1e6; we take the true window extremes (identical for every ordinary price).
 * Only the SMA %D method is offered: MT5's seeding of the other %D methods is unverified.
 *
 * Missing input: a bar with any of high, low, close NaN is skipped as a whole, whatever the price
 * field (no state change; `update` returns the current `main`). The batch twin does the same
 * (holes.ts).
 */
import type { Bars } from '../bars'
import { checkPeriod } from './checks'
import { packRows, unpackLines } from './holes'
import { RollingMax, RollingMin, rollingMaxInto, rollingMinInto } from './rolling-extreme'

/** MT5 `ENUM_STO_PRICE`: STO_LOWHIGH or STO_CLOSECLOSE. */
export type StochasticPriceField = 'lowhigh' | 'closeclose'

/** Streaming stochastic; read `main` (%K) and `signal` (%D) after `update`. */
export interface Stochastic {
  /** Adds a closed bar and returns `main`. */
  update(high: number, low: number, close: number): number
  readonly main: number
  readonly signal: number
}

/** Batch stochastic lines. */
export interface StochasticSeries {
  readonly main: Float64Array
  readonly signal: Float64Array
}

/** Index from which both main and signal are valid (main alone from kPeriod + slowing - 2). */
export function stochasticWarmup(kPeriod: number, dPeriod: number, slowing: number): number {
  return kPeriod + slowing + dPeriod - 3
}

function check(k: number, d: number, s: number, field: StochasticPriceField): void {
  checkPeriod('Stochastic', k, 1, 'kPeriod')
  checkPeriod('Stochastic', d, 1, 'dPeriod')
  checkPeriod('Stochastic', s, 1, 'slowing')
  if (field !== 'lowhigh' && field !== 'closeclose') {
    throw new RangeError(`Stochastic: unknown priceField ${JSON.stringify(field)}`)
  }
}

class StochasticImpl implements Stochastic {
  main = NaN
  signal = NaN
  private readonly hh: RollingMax
  private readonly ll: RollingMin
  // Ring buffers of the last S numerators/denominators and the last D main values.
  private readonly num: Float64Array
  private readonly den: Float64Array
  private readonly mains: Float64Array
  private readonly closeClose: boolean
  private count = 0
  private mainCount = 0

  constructor(
    private readonly k: number,
    private readonly d: number,
    private readonly s: number,
    field: StochasticPriceField,
  ) {
    this.hh = new RollingMax(k)
    this.ll = new RollingMin(k)
    this.num = new Float64Array(s)
    this.den = new Float64Array(s)
    this.mains = new Float64Array(d)
    this.closeClose = field === 'closeclose'
  }

  update(high: number, low: number, close: number): number {
    if (high !== high || low !== low || close !== close) return this.main
    const hh = this.hh.push(this.closeClose ? close : high)
    const ll = this.ll.push(this.closeClose ? close : low)
    const c = this.count++
    if (c < this.k - 1) return NaN
    const s = this.s
    const slot = (c - (this.k - 1)) % s
    this.num[slot] = close - ll
    this.den[slot] = hh - ll
    if (c < this.k + s - 2) return NaN
    let sumLow = 0.0
    let sumHigh = 0.0
    // Oldest first: the oldest of the last S entries sits right after the newest slot.
    for (let j = 1; j <= s; j++) {
      const q = (slot + j) % s
      sumLow += this.num[q]!
      sumHigh += this.den[q]!
    }
    const m = sumHigh === 0.0 ? 100.0 : (sumLow / sumHigh) * 100
    this.main = m
    const d = this.d
    const mc = this.mainCount++
    const mslot = mc % d
    this.mains[mslot] = m
    if (mc >= d - 1) {
      let sum = 0.0
      for (let j = 0; j < d; j++) sum += this.mains[(mslot - j + d) % d]!
      this.signal = sum / d
    }
    return m
  }
}

/**
 * Creates a streaming MT5 stochastic oscillator.
 *
 * @example
 * const st = createStochastic(5, 3, 3)
 * st.update(ctx.high, ctx.low, ctx.close)
 */
export function createStochastic(
  kPeriod: number,
  dPeriod: number,
  slowing: number,
  priceField: StochasticPriceField = 'lowhigh',
): Stochastic {
  check(kPeriod, dPeriod, slowing, priceField)
  return new StochasticImpl(kPeriod, dPeriod, slowing, priceField)
}

/** Batch MT5 stochastic; bit-identical to `createStochastic`. */
export function stochastic(
  bars: Pick<Bars, 'high' | 'low' | 'close'>,
  kPeriod: number,
  dPeriod: number,
  slowing: number,
  priceField: StochasticPriceField = 'lowhigh',
): StochasticSeries {
  check(kPeriod, dPeriod, slowing, priceField)
  const packed = packRows({ high: bars.high, low: bars.low, close: bars.close })
  if (packed) {
    const lines = stochastic(packed.columns, kPeriod, dPeriod, slowing, priceField)
    return unpackLines(lines, packed)
  }
  const { close } = bars
  const hi = priceField === 'closeclose' ? close : bars.high
  const lo = priceField === 'closeclose' ? close : bars.low
  const len = close.length
  const firstMain = kPeriod + slowing - 2
  const firstSignal = firstMain + dPeriod - 1
  const main = new Float64Array(len)
  const signal = new Float64Array(len)
  // num and den start as the rolling extremes HH and LL and become close - LL, HH - LL in place.
  const num = new Float64Array(len)
  const den = new Float64Array(len)
  rollingMaxInto(hi, kPeriod, den)
  rollingMinInto(lo, kPeriod, num)
  for (let i = 0; i < len; i++) {
    const ll = num[i]!
    num[i] = close[i]! - ll
    den[i] = den[i]! - ll
    if (i < firstMain) continue
    let sumLow = 0.0
    let sumHigh = 0.0
    for (let j = i - slowing + 1; j <= i; j++) {
      sumLow += num[j]!
      sumHigh += den[j]!
    }
    main[i] = sumHigh === 0.0 ? 100.0 : (sumLow / sumHigh) * 100
    if (i < firstSignal) continue
    let sum = 0.0
    for (let k = 0; k < dPeriod; k++) sum += main[i - k]!
    signal[i] = sum / dPeriod
  }
  main.fill(NaN, 0, Math.min(len, firstMain))
  signal.fill(NaN, 0, Math.min(len, firstSignal))
  return { main, signal }
}
