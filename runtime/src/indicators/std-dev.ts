/**
 * Standard deviation as MT5 computes it (`iStdDev`; MetaQuotes' `StdDev.mq5`, mt5-semantics.md 1.2).
 *
 * Operation order (the MQL5 include library mirrors it); b = first non-NaN input, s = b+n-1:
 *   ma[s]  = (0.0 + p[s] + p[s-1] + ... + p[s-n+1]) / n                        for every method
 *   ma[i], i > s:  sma  -> (0.0 + p[i] + ... + p[i-n+1]) / n                   (re-summed)
 *                  ema  -> p[i] * a + ma[i-1] * (1 - a),  a = 2.0 / (n + 1.0)  (its own EMA, SMA seed,
 *                          unlike iMA's EMA which is seeded with the first price)
 *                  smma -> (ma[i-1] * (n - 1) + p[i]) / n
 *                  lwma -> (p[i-n+1]*1 + p[i-n+2]*2 + ... + p[i]*n) / (1 + 2 + ... + n)
 *   sd[i]  = sqrt((0.0 + (p[i]-ma[i])^2 + ... + (p[i-n+1]-ma[i])^2) / n)   population, newest first
 * First valid index s (no sigma-0 bar, unlike Bollinger Bands).
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current value, NaN until
 * the first one), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by zero
 * upstream, holds the value and `ma`. The batch twin does the same (holes.ts).
 */
import { checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackRows } from './holes'
import type { MaMethod } from './moving-average'
import {
  linearWeightedMean,
  sumNewestFirst,
  sumNewestFirst4,
  sumSquaredDeviation,
  sumSquaredDeviation4,
  WindowBuffer,
} from './window-sums'

/** Streaming standard deviation; `ma` is the average it is measured around. */
export interface StdDev {
  /** Adds the newest value and returns the standard deviation, or NaN during warm-up. */
  update(x: number): number
  readonly value: number
  readonly ma: number
}

/** Index of the first valid standard deviation for a NaN-free input. */
export function stdDevWarmup(period: number): number {
  return period - 1
}

const METHODS: readonly string[] = ['sma', 'ema', 'smma', 'lwma']

function check(period: number, method: MaMethod): void {
  checkPeriod('StdDev', period)
  if (!METHODS.includes(method)) {
    throw new RangeError(`StdDev: unknown method ${JSON.stringify(method)}`)
  }
}

/** @internal One step of the StdDev.mq5 average; `first` is true on the seed bar. */
function nextMa(
  method: MaMethod,
  a: Float64Array,
  end: number,
  n: number,
  prev: number,
  first: boolean,
): number {
  if (method === 'lwma') return linearWeightedMean(a, end, n)
  if (first || method === 'sma') return sumNewestFirst(a, end, n) / n
  if (method === 'ema') {
    const pr = 2.0 / (n + 1.0)
    return a[end]! * pr + prev * (1 - pr)
  }
  return (prev * (n - 1) + a[end]!) / n
}

class StdDevImpl implements StdDev {
  value = NaN
  ma = NaN
  private readonly w: WindowBuffer

  constructor(
    private readonly n: number,
    private readonly method: MaMethod,
  ) {
    this.w = new WindowBuffer(n)
  }

  update(x: number): number {
    const w = this.w
    if (x !== x) return this.value
    w.push(x)
    const n = this.n
    if (w.count < n) return NaN
    this.ma = nextMa(this.method, w.buf, w.end, n, this.ma, w.count === n)
    this.value = Math.sqrt(sumSquaredDeviation(w.buf, w.end, n, this.ma) / n)
    return this.value
  }
}

/**
 * Creates a streaming MT5 standard deviation (default method: SMA, as iStdDev's default).
 *
 * @example
 * const sd = createStdDev(20)
 */
export function createStdDev(period: number, method: MaMethod = 'sma'): StdDev {
  check(period, method)
  return new StdDevImpl(period, method)
}

/** Batch MT5 standard deviation; bit-identical to `createStdDev`. */
export function stdDev(
  values: Float64Array,
  period: number,
  method: MaMethod = 'sma',
): Float64Array {
  check(period, method)
  const packed = packHoles(values)
  if (packed) return unpackRows(stdDev(packed.columns.values, period, method), packed)
  const len = values.length
  const n = period
  const b = seriesBegin(values)
  const first = b + n - 1
  const out = warmupArray(len, first)
  let i = first
  if (method === 'sma') {
    // Independent windows: four at a time (same per-window order, see sumNewestFirst4).
    const mids = new Float64Array(4)
    const sums = new Float64Array(4)
    for (; i + 3 < len; i += 4) {
      sumNewestFirst4(values, i, n, sums)
      for (let j = 0; j < 4; j++) mids[j] = sums[j]! / n
      sumSquaredDeviation4(values, i, n, mids, sums)
      for (let j = 0; j < 4; j++) out[i + j] = Math.sqrt(sums[j]! / n)
    }
  }
  let ma = NaN
  for (; i < len; i++) {
    ma = nextMa(method, values, i, n, ma, i === first)
    out[i] = Math.sqrt(sumSquaredDeviation(values, i, n, ma) / n)
  }
  return out
}
