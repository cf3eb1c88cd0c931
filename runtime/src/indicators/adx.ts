/**
 * ADX, MetaQuotes' own variant (`iADX`; `ADX.mq5`, mt5-semantics.md 1.9). NOT Wilder's ADX: see
 * adx-wilder.ts for `iADXWilder`, which is the one that converges to TradingView / TA-Lib.
 *
 * Operation order (the MQL5 include library mirrors it); a = 2.0 / (n + 1.0):
 *   bar 0: +DI = -DI = ADX = 0 (seeds; reported as NaN)
 *   bar i >= 1: up, dn, TR from directional-movement.ts
 *     pd = TR != 0 ? 100.0 * up / TR : 0.0;   nd = TR != 0 ? 100.0 * dn / TR : 0.0
 *     +DI[i] = pd * a + +DI[i-1] * (1 - a);   -DI[i] = nd * a + -DI[i-1] * (1 - a)
 *     s  = +DI + -DI
 *     DX = s != 0 ? 100.0 * |(+DI - -DI) / s| : 0.0
 *     ADX[i] = DX * a + ADX[i-1] * (1 - a)
 * Each bar's DM is divided by that bar's own TR. Values exist from bar 1 but start from the 0 seeds,
 * so they depend on where history starts: see `burnInBars('ema', n)` (MT5 draws ADX from 2n).
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

/** Streaming ADX; read `adx`, `plusDi`, `minusDi` after `update`. */
export interface Adx {
  /** Adds a closed bar and returns `adx` (NaN on the first bar). */
  update(high: number, low: number, close: number): number
  readonly adx: number
  readonly plusDi: number
  readonly minusDi: number
}

/** Batch ADX lines. */
export interface AdxSeries {
  readonly adx: Float64Array
  readonly plusDi: Float64Array
  readonly minusDi: Float64Array
}

/** Index of the first ADX value (recursive: it converges from a 0 seed, see `burnInBars`). */
export function adxWarmup(_period: number): number {
  return 1
}

class AdxImpl implements Adx {
  adx = NaN
  plusDi = NaN
  minusDi = NaN
  private readonly a: number
  private readonly r: number
  private count = 0
  private ph = 0
  private pl = 0
  private pc = 0
  private pdi = 0
  private ndi = 0
  private ax = 0
  private readonly dm: DmOut = { up: 0, dn: 0, tr: 0 }

  constructor(period: number) {
    this.a = 2.0 / (period + 1.0)
    this.r = 1 - this.a
  }

  update(high: number, low: number, close: number): number {
    if (high !== high || low !== low || close !== close) return this.adx
    if (this.count++ > 0) {
      const dm = this.dm
      directionalMovement(high, low, this.ph, this.pl, this.pc, dm)
      const tr = dm.tr
      const pd = tr !== 0.0 ? (100.0 * dm.up) / tr : 0.0
      const nd = tr !== 0.0 ? (100.0 * dm.dn) / tr : 0.0
      const a = this.a
      const r = this.r
      this.pdi = pd * a + this.pdi * r
      this.ndi = nd * a + this.ndi * r
      const s = this.pdi + this.ndi
      const dx = s !== 0.0 ? 100.0 * Math.abs((this.pdi - this.ndi) / s) : 0.0
      this.ax = dx * a + this.ax * r
      this.plusDi = this.pdi
      this.minusDi = this.ndi
      this.adx = this.ax
    }
    this.ph = high
    this.pl = low
    this.pc = close
    return this.adx
  }
}

function check(period: number): void {
  checkPeriod('ADX', period)
}

/**
 * Creates a streaming MT5 ADX (MetaQuotes variant).
 *
 * @example
 * const adx = createAdx(14)
 * adx.update(ctx.high, ctx.low, ctx.close)
 * if (adx.adx > 25 && adx.plusDi > adx.minusDi) ctx.enterLong()
 */
export function createAdx(period: number): Adx {
  check(period)
  return new AdxImpl(period)
}

/** Batch MT5 ADX; bit-identical to `createAdx`. */
export function adx(bars: Pick<Bars, 'high' | 'low' | 'close'>, period: number): AdxSeries {
  check(period)
  const packed = packRows({ high: bars.high, low: bars.low, close: bars.close })
  if (packed) return unpackLines(adx(packed.columns, period), packed)
  const { high, low, close } = bars
  const len = close.length
  const adxs = new Float64Array(len)
  const plusDi = new Float64Array(len)
  const minusDi = new Float64Array(len)
  const a = 2.0 / (period + 1.0)
  const r = 1 - a
  let pdi = 0
  let ndi = 0
  let ax = 0
  const dm: DmOut = { up: 0, dn: 0, tr: 0 }
  // The same operations as the streaming update, one bar at a time.
  for (let i = 1; i < len; i++) {
    const h = high[i]!
    const l = low[i]!
    const pc = close[i - 1]!
    directionalMovement(h, l, high[i - 1]!, low[i - 1]!, pc, dm)
    const { up, dn, tr } = dm
    const pd = tr !== 0.0 ? (100.0 * up) / tr : 0.0
    const nd = tr !== 0.0 ? (100.0 * dn) / tr : 0.0
    pdi = pd * a + pdi * r
    ndi = nd * a + ndi * r
    const s = pdi + ndi
    const dx = s !== 0.0 ? 100.0 * Math.abs((pdi - ndi) / s) : 0.0
    ax = dx * a + ax * r
    adxs[i] = ax
    plusDi[i] = pdi
    minusDi[i] = ndi
  }
  if (len > 0) {
    adxs[0] = NaN
    plusDi[0] = NaN
    minusDi[0] = NaN
  }
  return { adx: adxs, plusDi, minusDi }
}
