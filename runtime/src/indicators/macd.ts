/**
 * MACD as MT5 computes it (`iMACD`; MetaQuotes' `MACD.mq5` and `OsMA.mq5`, mt5-semantics.md 1.4).
 *
 * Operation order (the MQL5 include library mirrors it):
 *   fast[i]   = MT5 EMA(fastPeriod) of p     (seeded with the first price, see ema.ts)
 *   slow[i]   = MT5 EMA(slowPeriod) of p
 *   main[i]   = fast[i] - slow[i]                              defined from the first input
 *   signal[i] = MT5 SMA(signalPeriod) of main (running sum, see sma.ts)    first at b+g-1
 *   histogram = main[i] - signal[i]          (= iOsMA; MT5 has no histogram buffer in iMACD)
 *
 * MT5's signal line is a SIMPLE moving average of main; TradingView and TA-Lib use an EMA.
 * Main is recursive (EMA seeded with the first price): see `burnInBars('ema', slowPeriod)`.
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current `main`, NaN
 * until the first input), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by
 * zero upstream, holds every line. The batch twin does the same (holes.ts).
 */
import { checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackLines } from './holes'

/** Streaming MACD; read `main`, `signal`, `histogram` after `update`. */
export interface Macd {
  /** Adds the newest value and returns `main`. */
  update(x: number): number
  readonly main: number
  /** NaN until `signalPeriod` main values exist. */
  readonly signal: number
  readonly histogram: number
}

/** Batch MACD lines. */
export interface MacdSeries {
  readonly main: Float64Array
  readonly signal: Float64Array
  readonly histogram: Float64Array
}

/** Index from which main, signal and histogram are all valid (main alone is valid from 0). */
export function macdWarmup(_fastPeriod: number, _slowPeriod: number, signalPeriod: number): number {
  return signalPeriod - 1
}

function checkMacd(fast: number, slow: number, signal: number): void {
  checkPeriod('MACD', fast, 1, 'fastPeriod')
  checkPeriod('MACD', slow, 1, 'slowPeriod')
  checkPeriod('MACD', signal, 1, 'signalPeriod')
}

class MacdImpl implements Macd {
  main = NaN
  signal = NaN
  histogram = NaN
  private readonly fa: number
  private readonly fr: number
  private readonly sa: number
  private readonly sr: number
  private fast = 0
  private slow = 0
  private count = 0
  private pos = 0
  private sum = 0
  private readonly window: Float64Array

  constructor(
    fastPeriod: number,
    slowPeriod: number,
    private readonly g: number,
  ) {
    this.fa = 2.0 / (1.0 + fastPeriod)
    this.fr = 1.0 - this.fa
    this.sa = 2.0 / (1.0 + slowPeriod)
    this.sr = 1.0 - this.sa
    this.window = new Float64Array(g)
  }

  update(x: number): number {
    if (x !== x) return this.main
    const g = this.g
    if (this.count === 0) {
      this.fast = x
      this.slow = x
    } else {
      this.fast = x * this.fa + this.fast * this.fr
      this.slow = x * this.sa + this.slow * this.sr
    }
    const m = this.fast - this.slow
    this.main = m
    if (this.count >= g) {
      const old = this.window[this.pos]!
      this.window[this.pos] = m
      if (++this.pos === g) this.pos = 0
      this.signal = this.signal + (m - old) / g
      this.histogram = m - this.signal
    } else {
      this.window[this.count] = m
      this.sum += m
      if (this.count === g - 1) {
        this.signal = this.sum / g
        this.histogram = m - this.signal
      }
    }
    this.count++
    return m
  }
}

/**
 * Creates a streaming MT5 MACD.
 *
 * @example
 * const macd = createMacd(12, 26, 9)
 * macd.update(ctx.close)
 * if (macd.main > macd.signal) ctx.enterLong()
 */
export function createMacd(fastPeriod: number, slowPeriod: number, signalPeriod: number): Macd {
  checkMacd(fastPeriod, slowPeriod, signalPeriod)
  return new MacdImpl(fastPeriod, slowPeriod, signalPeriod)
}

/** Batch MT5 MACD; bit-identical to `createMacd`. */
export function macd(
  values: Float64Array,
  fastPeriod: number,
  slowPeriod: number,
  signalPeriod: number,
): MacdSeries {
  checkMacd(fastPeriod, slowPeriod, signalPeriod)
  const packed = packHoles(values)
  if (packed) {
    const lines = macd(packed.columns.values, fastPeriod, slowPeriod, signalPeriod)
    return unpackLines(lines, packed)
  }
  const len = values.length
  const b = seriesBegin(values)
  const main = warmupArray(len, b)
  const signal = warmupArray(len, b + signalPeriod - 1)
  const histogram = warmupArray(len, b + signalPeriod - 1)
  const fa = 2.0 / (1.0 + fastPeriod)
  const fr = 1.0 - fa
  const sa = 2.0 / (1.0 + slowPeriod)
  const sr = 1.0 - sa
  const g = signalPeriod
  const first = b + g - 1
  let fast = 0
  let slow = 0
  let sum = 0
  let s = NaN
  for (let i = b; i < len; i++) {
    const x = values[i]!
    if (i === b) {
      fast = x
      slow = x
    } else {
      fast = x * fa + fast * fr
      slow = x * sa + slow * sr
    }
    const m = fast - slow
    main[i] = m
    if (i > first) {
      s = s + (m - main[i - g]!) / g
    } else {
      sum += m
      if (i < first) continue
      s = sum / g
    }
    signal[i] = s
    histogram[i] = m - s
  }
  return { main, signal, histogram }
}
