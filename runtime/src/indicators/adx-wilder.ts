/**
 * ADX Wilder as MT5 computes it (`iADXWilder`; MetaQuotes' `ADXW.mq5`, mt5-semantics.md 1.10).
 *
 * Operation order (the MQL5 include library mirrors it); up, dn, TR from directional-movement.ts:
 *   for i < n every smoothed value is 0 (seeds; reported as NaN)
 *   for i >= n:  ATR[i] = (ATR[i-1] * (n - 1) + TR[i]) / n        ATR[n-1] = 0
 *                PDS[i] = (PDS[i-1] * (n - 1) + up[i]) / n        PDS[n-1] = 0
 *                NDS[i] = (NDS[i-1] * (n - 1) + dn[i]) / n        NDS[n-1] = 0
 *                +DI = ATR != 0 ? 100.0 * PDS / ATR : 0.0;  -DI = ATR != 0 ? 100.0 * NDS / ATR : 0.0
 *                s = +DI + -DI;  DX = s != 0 ? 100.0 * |(+DI - -DI) / s| : 0.0
 *                ADXW[i] = (ADXW[i-1] * (n - 1) + DX) / n        ADXW[n-1] = 0
 * Textbook Wilder seeds with the average of the first n values; MT5 seeds with 0, so early values
 * ramp up from 0 (converges after ~ `burnInBars('wilder', n)` bars). First value at index n.
 *
 * Missing input: a bar with any input NaN is skipped as a whole (no state change; `update` returns
 * the current `adx`), so the next bar is compared with the last complete one. The batch twin does
 * the same (holes.ts).
 */
import type { Bars } from '../bars'
import { checkPeriod } from './checks'
import { packRows, unpackLines } from './holes'
import type { DmOut } from './directional-movement'
import { directionalMovement } from './directional-movement'

/** Streaming ADX Wilder; read `adx`, `plusDi`, `minusDi` after `update`. */
export interface AdxWilder {
  /** Adds a closed bar and returns `adx`, or NaN during warm-up. */
  update(high: number, low: number, close: number): number
  readonly adx: number
  readonly plusDi: number
  readonly minusDi: number
}

/** Batch ADX Wilder lines. */
export interface AdxWilderSeries {
  readonly adx: Float64Array
  readonly plusDi: Float64Array
  readonly minusDi: Float64Array
}

/** Index of the first ADX Wilder value (converging from a 0 seed, see `burnInBars`). */
export function adxWilderWarmup(period: number): number {
  return period
}

class AdxWilderImpl implements AdxWilder {
  adx = NaN
  plusDi = NaN
  minusDi = NaN
  private readonly nm1: number
  private count = 0
  private ph = 0
  private pl = 0
  private pc = 0
  private atr = 0
  private pds = 0
  private nds = 0
  private ax = 0
  private readonly dm: DmOut = { up: 0, dn: 0, tr: 0 }

  constructor(private readonly n: number) {
    this.nm1 = n - 1
  }

  update(high: number, low: number, close: number): number {
    if (high !== high || low !== low || close !== close) return this.adx
    if (this.count++ >= this.n) {
      const dm = this.dm
      directionalMovement(high, low, this.ph, this.pl, this.pc, dm)
      const n = this.n
      const nm1 = this.nm1
      this.atr = (this.atr * nm1 + dm.tr) / n
      this.pds = (this.pds * nm1 + dm.up) / n
      this.nds = (this.nds * nm1 + dm.dn) / n
      let pdi = 0.0
      let ndi = 0.0
      if (this.atr !== 0.0) {
        pdi = (100.0 * this.pds) / this.atr
        ndi = (100.0 * this.nds) / this.atr
      }
      const s = pdi + ndi
      const dx = s !== 0.0 ? 100.0 * Math.abs((pdi - ndi) / s) : 0.0
      this.ax = (this.ax * nm1 + dx) / n
      this.plusDi = pdi
      this.minusDi = ndi
      this.adx = this.ax
    }
    this.ph = high
    this.pl = low
    this.pc = close
    return this.adx
  }
}

/**
 * Creates a streaming MT5 ADX Wilder.
 *
 * @example
 * const adxw = createAdxWilder(14)
 */
export function createAdxWilder(period: number): AdxWilder {
  checkPeriod('ADX Wilder', period)
  return new AdxWilderImpl(period)
}

/** Batch MT5 ADX Wilder; bit-identical to `createAdxWilder`. */
export function adxWilder(
  bars: Pick<Bars, 'high' | 'low' | 'close'>,
  period: number,
): AdxWilderSeries {
  checkPeriod('ADX Wilder', period)
  const packed = packRows({ high: bars.high, low: bars.low, close: bars.close })
  if (packed) return unpackLines(adxWilder(packed.columns, period), packed)
  const { high, low, close } = bars
  const len = close.length
  const adxs = new Float64Array(len)
  const plusDi = new Float64Array(len)
  const minusDi = new Float64Array(len)
  const n = period
  const nm1 = n - 1
  let atr = 0
  let pds = 0
  let nds = 0
  let ax = 0
  const dm: DmOut = { up: 0, dn: 0, tr: 0 }
  // The same operations as the streaming update, one bar at a time.
  for (let i = n; i < len; i++) {
    const h = high[i]!
    const l = low[i]!
    const pc = close[i - 1]!
    directionalMovement(h, l, high[i - 1]!, low[i - 1]!, pc, dm)
    const { up, dn, tr } = dm
    atr = (atr * nm1 + tr) / n
    pds = (pds * nm1 + up) / n
    nds = (nds * nm1 + dn) / n
    let pdi = 0.0
    let ndi = 0.0
    if (atr !== 0.0) {
      pdi = (100.0 * pds) / atr
      ndi = (100.0 * nds) / atr
    }
    const s = pdi + ndi
    const dx = s !== 0.0 ? 100.0 * Math.abs((pdi - ndi) / s) : 0.0
    ax = (ax * nm1 + dx) / n
    adxs[i] = ax
    plusDi[i] = pdi
    minusDi[i] = ndi
  }
  const first = Math.min(len, n)
  adxs.fill(NaN, 0, first)
  plusDi.fill(NaN, 0, first)
  minusDi.fill(NaN, 0, first)
  return { adx: adxs, plusDi, minusDi }
}
