/**
 * Average True Range as MT5 computes it (`iATR`; MetaQuotes' `ATR.mq5`, mt5-semantics.md 1.7).
 *
 * Operation order (the MQL5 include library mirrors it):
 *   TR[0] = 0 (bar 0 has no previous close and is ignored)
 *   TR[i] = max(high[i], close[i-1]) - min(low[i], close[i-1])               for i >= 1
 *   ATR[n] = (((TR[1] + TR[2]) + ...) + TR[n]) / n                           summed oldest first
 *   ATR[i] = ATR[i-1] + (TR[i] - TR[i-n]) / n                                for i > n
 * A SIMPLE (running) average of TR, not Wilder's RMA as in TradingView/TA-Lib.
 * First valid index n (needs n+1 bars).
 *
 * Missing input: a bar with any input NaN is skipped as a whole (no state change; `update` returns
 * the current value), so the next true range uses the last complete bar's close. The batch twin
 * does the same (holes.ts).
 */
import type { Bars } from '../bars'
import { checkPeriod, warmupArray } from './checks'
import { packRows, unpackRows } from './holes'

/** Streaming ATR. */
export interface Atr {
  /** Adds a closed bar and returns the ATR, or NaN during warm-up. */
  update(high: number, low: number, close: number): number
  readonly value: number
}

/** Index of the first valid ATR value. */
export function atrWarmup(period: number): number {
  return period
}

class AtrImpl implements Atr {
  value = NaN
  private count = 0
  private prevClose = 0
  private sum = 0
  private pos = 0
  private readonly trs: Float64Array

  constructor(private readonly n: number) {
    this.trs = new Float64Array(n)
  }

  update(high: number, low: number, close: number): number {
    if (high !== high || low !== low || close !== close) return this.value
    const c = this.count++
    const pc = this.prevClose
    this.prevClose = close
    if (c === 0) return NaN
    const tr = Math.max(high, pc) - Math.min(low, pc)
    const n = this.n
    if (c > n) {
      const old = this.trs[this.pos]!
      this.trs[this.pos] = tr
      if (++this.pos === n) this.pos = 0
      this.value = this.value + (tr - old) / n
    } else {
      this.trs[c - 1] = tr
      this.sum += tr
      if (c === n) this.value = this.sum / n
    }
    return this.value
  }
}

/**
 * Creates a streaming MT5 ATR.
 *
 * @example
 * const atr = createAtr(14)
 * const stopDistance = 2 * atr.update(ctx.high, ctx.low, ctx.close)
 */
export function createAtr(period: number): Atr {
  checkPeriod('ATR', period)
  return new AtrImpl(period)
}

/** Batch MT5 ATR; bit-identical to `createAtr`. */
export function atr(bars: Pick<Bars, 'high' | 'low' | 'close'>, period: number): Float64Array {
  checkPeriod('ATR', period)
  const packed = packRows({ high: bars.high, low: bars.low, close: bars.close })
  if (packed) return unpackRows(atr(packed.columns, period), packed)
  const { high, low, close } = bars
  const len = close.length
  const out = warmupArray(len, period)
  if (len <= period) return out
  const tr = new Float64Array(len)
  let sum = 0
  for (let i = 1; i <= period; i++) {
    const pc = close[i - 1]!
    const t = Math.max(high[i]!, pc) - Math.min(low[i]!, pc)
    tr[i] = t
    sum += t
  }
  let a = sum / period
  out[period] = a
  for (let i = period + 1; i < len; i++) {
    const pc = close[i - 1]!
    const t = Math.max(high[i]!, pc) - Math.min(low[i]!, pc)
    tr[i] = t
    a = a + (t - tr[i - period]!) / period
    out[i] = a
  }
  return out
}
