/**
 * Commodity Channel Index as MT5 computes it (`iCCI`; MetaQuotes' `CCI.mq5`, mt5-semantics.md 1.8).
 * The input is an applied price (MT5's default for CCI is 'typical'; see `appliedPrice`).
 *
 * Operation order (the MQL5 include library mirrors it); b = first non-NaN input:
 *   sma[i] = (0.0 + p[i] + p[i-1] + ... + p[i-n+1]) / n                   newest first
 *   d[i]   = (0.0 + |p[i] - sma[i]| + ... + |p[i-n+1] - sma[i]|) * (0.015 / n)
 *   m[i]   = p[i] - sma[i]
 *   CCI[i] = d[i] != 0 ? m[i] / d[i] : 0.0
 * First valid index b+n-1.
 *
 * Missing input: a NaN is skipped (no state change; `update` returns the current value, NaN until
 * the first one), so leading NaNs are MT5's `begin` and a later hole, e.g. a division by zero
 * upstream, holds the last value. The batch twin does the same (holes.ts).
 */
import { checkPeriod, seriesBegin, warmupArray } from './checks'
import { packHoles, unpackRows } from './holes'
import {
  sumAbsDeviation,
  sumAbsDeviation4,
  sumNewestFirst,
  sumNewestFirst4,
  WindowBuffer,
} from './window-sums'

/** Streaming CCI. */
export interface Cci {
  /** Adds the newest applied price and returns the CCI, or NaN during warm-up. */
  update(x: number): number
  readonly value: number
}

/** Index of the first valid CCI value for a NaN-free input. */
export function cciWarmup(period: number): number {
  return period - 1
}

class CciImpl implements Cci {
  value = NaN
  private readonly w: WindowBuffer
  private readonly mult: number

  constructor(private readonly n: number) {
    this.w = new WindowBuffer(n)
    this.mult = 0.015 / n
  }

  update(x: number): number {
    const w = this.w
    if (x !== x) return this.value
    w.push(x)
    const n = this.n
    if (w.count < n) return NaN
    const sp = sumNewestFirst(w.buf, w.end, n) / n
    const d = sumAbsDeviation(w.buf, w.end, n, sp) * this.mult
    this.value = d !== 0.0 ? (x - sp) / d : 0.0
    return this.value
  }
}

/**
 * Creates a streaming MT5 CCI over an applied price.
 *
 * @example
 * const cci = createCci(14)
 * cci.update(appliedPrice('typical', ctx.open, ctx.high, ctx.low, ctx.close))
 */
export function createCci(period: number): Cci {
  checkPeriod('CCI', period)
  return new CciImpl(period)
}

/** Batch MT5 CCI; bit-identical to `createCci`. */
export function cci(values: Float64Array, period: number): Float64Array {
  checkPeriod('CCI', period)
  const packed = packHoles(values)
  if (packed) return unpackRows(cci(packed.columns.values, period), packed)
  const len = values.length
  const n = period
  const b = seriesBegin(values)
  const first = b + n - 1
  const out = warmupArray(len, first)
  const mult = 0.015 / n
  const mids = new Float64Array(4)
  const sums = new Float64Array(4)
  let i = first
  for (; i + 3 < len; i += 4) {
    sumNewestFirst4(values, i, n, sums)
    for (let j = 0; j < 4; j++) mids[j] = sums[j]! / n
    sumAbsDeviation4(values, i, n, mids, sums)
    for (let j = 0; j < 4; j++) {
      const d = sums[j]! * mult
      out[i + j] = d !== 0.0 ? (values[i + j]! - mids[j]!) / d : 0.0
    }
  }
  for (; i < len; i++) {
    const sp = sumNewestFirst(values, i, n) / n
    const d = sumAbsDeviation(values, i, n, sp) * mult
    out[i] = d !== 0.0 ? (values[i]! - sp) / d : 0.0
  }
  return out
}
