/**
 * Ichimoku Kinko Hyo as MT5 computes it (`iIchimoku`; MetaQuotes' `Ichimoku.mq5`,
 * mt5-semantics.md 1.14).
 *
 * Operation order (the MQL5 include library mirrors it); mid(w) = (max(high[i-w+1..i]) + min(low[i-w+1..i])) / 2.0:
 *   tenkan[i] = mid(tenkanPeriod);  kijun[i] = mid(kijunPeriod)
 *   spanA[i]  = (tenkan[i] + kijun[i]) / 2.0;  spanB[i] = mid(senkouPeriod);  chikou[i] = close[i]
 *
 * How the shift is exposed. Every line above is the value COMPUTED at bar i, unshifted (MT5 buffer
 * semantics before PLOT_SHIFT). MT5 draws spanA/spanB `kijunPeriod` bars to the right and chikou
 * `kijunPeriod` bars to the left (TradingView shifts by kijun - 1). For rules about "the cloud under
 * the current bar" we also expose
 *   cloudA[i] = spanA[i - kijunPeriod],  cloudB[i] = spanB[i - kijunPeriod]
 * i.e. what the chart shows at bar i. chikou[i] is plotted at bar i - kijunPeriod; compare it with
 * close[i - kijunPeriod] yourself.
 *
 * MT5 truncates the windows at the start of history and so shows values from bar 0; we return NaN
 * until a window is full: tenkan from t-1, kijun from k-1, spanA from max(t,k)-1, spanB from s-1,
 * chikou from 0, cloudA/cloudB kijunPeriod bars after spanA/spanB.
 *
 * Missing input: a bar with any input NaN is skipped as a whole (no state change, every line
 * holds; `update` returns the current `tenkan`), so windows and the cloud shift count complete bars
 * only. The batch twin does the same (holes.ts).
 */
import type { Bars } from '../bars'
import { checkPeriod } from './checks'
import { packRows, unpackLines } from './holes'
import { RollingMax, RollingMin, rollingMaxInto, rollingMinInto } from './rolling-extreme'

/** Streaming Ichimoku; read the lines after `update`. */
export interface Ichimoku {
  /** Adds a closed bar and returns `tenkan`. */
  update(high: number, low: number, close: number): number
  readonly tenkan: number
  readonly kijun: number
  readonly spanA: number
  readonly spanB: number
  readonly chikou: number
  readonly cloudA: number
  readonly cloudB: number
}

/** Batch Ichimoku lines (see the file comment for the shift). */
export interface IchimokuSeries {
  readonly tenkan: Float64Array
  readonly kijun: Float64Array
  readonly spanA: Float64Array
  readonly spanB: Float64Array
  readonly chikou: Float64Array
  readonly cloudA: Float64Array
  readonly cloudB: Float64Array
}

/** One Ichimoku output line. */
export type IchimokuLine = keyof IchimokuSeries

/**
 * Index of the first valid value of `line`, or of every line when `line` is omitted.
 *
 * @example
 * ichimokuWarmup(9, 26, 52, 'tenkan') // 8
 */
export function ichimokuWarmup(
  tenkanPeriod: number,
  kijunPeriod: number,
  senkouPeriod: number,
  line?: IchimokuLine,
): number {
  const spanA = Math.max(tenkanPeriod, kijunPeriod) - 1
  const spanB = senkouPeriod - 1
  switch (line) {
    case 'tenkan':
      return tenkanPeriod - 1
    case 'kijun':
      return kijunPeriod - 1
    case 'spanA':
      return spanA
    case 'spanB':
      return spanB
    case 'chikou':
      return 0
    case 'cloudA':
      return spanA + kijunPeriod
    case 'cloudB':
      return spanB + kijunPeriod
    default:
      return Math.max(spanA, spanB) + kijunPeriod
  }
}

class IchimokuImpl implements Ichimoku {
  tenkan = NaN
  kijun = NaN
  spanA = NaN
  spanB = NaN
  chikou = NaN
  cloudA = NaN
  cloudB = NaN
  private count = 0
  private pos = 0
  private readonly th: RollingMax
  private readonly tl: RollingMin
  private readonly kh: RollingMax
  private readonly kl: RollingMin
  private readonly sh: RollingMax
  private readonly sl: RollingMin
  private readonly pastA: Float64Array
  private readonly pastB: Float64Array

  constructor(
    private readonly t: number,
    private readonly k: number,
    private readonly s: number,
  ) {
    this.th = new RollingMax(t)
    this.tl = new RollingMin(t)
    this.kh = new RollingMax(k)
    this.kl = new RollingMin(k)
    this.sh = new RollingMax(s)
    this.sl = new RollingMin(s)
    this.pastA = new Float64Array(k).fill(NaN)
    this.pastB = new Float64Array(k).fill(NaN)
  }

  update(high: number, low: number, close: number): number {
    if (high !== high || low !== low || close !== close) return this.tenkan
    const c = this.count++
    const tm = (this.th.push(high) + this.tl.push(low)) / 2.0
    const km = (this.kh.push(high) + this.kl.push(low)) / 2.0
    const sm = (this.sh.push(high) + this.sl.push(low)) / 2.0
    const tenkan = c >= this.t - 1 ? tm : NaN
    const kijun = c >= this.k - 1 ? km : NaN
    const spanA = (tenkan + kijun) / 2.0
    const spanB = c >= this.s - 1 ? sm : NaN
    // pastA[pos] holds the spans of kijunPeriod bars ago.
    this.cloudA = this.pastA[this.pos]!
    this.cloudB = this.pastB[this.pos]!
    this.pastA[this.pos] = spanA
    this.pastB[this.pos] = spanB
    if (++this.pos === this.k) this.pos = 0
    this.tenkan = tenkan
    this.kijun = kijun
    this.spanA = spanA
    this.spanB = spanB
    this.chikou = close
    return tenkan
  }
}

function check(t: number, k: number, s: number): void {
  checkPeriod('Ichimoku', t, 1, 'tenkanPeriod')
  checkPeriod('Ichimoku', k, 1, 'kijunPeriod')
  checkPeriod('Ichimoku', s, 1, 'senkouPeriod')
}

/**
 * Creates a streaming MT5 Ichimoku (defaults 9, 26, 52).
 *
 * @example
 * const ichi = createIchimoku()
 * ichi.update(ctx.high, ctx.low, ctx.close)
 * const aboveCloud = ctx.close > Math.max(ichi.cloudA, ichi.cloudB)
 */
export function createIchimoku(tenkanPeriod = 9, kijunPeriod = 26, senkouPeriod = 52): Ichimoku {
  check(tenkanPeriod, kijunPeriod, senkouPeriod)
  return new IchimokuImpl(tenkanPeriod, kijunPeriod, senkouPeriod)
}

/** Batch MT5 Ichimoku; bit-identical to `createIchimoku`. */
export function ichimoku(
  bars: Pick<Bars, 'high' | 'low' | 'close'>,
  tenkanPeriod = 9,
  kijunPeriod = 26,
  senkouPeriod = 52,
): IchimokuSeries {
  check(tenkanPeriod, kijunPeriod, senkouPeriod)
  const packed = packRows({ high: bars.high, low: bars.low, close: bars.close })
  if (packed) {
    const lines = ichimoku(packed.columns, tenkanPeriod, kijunPeriod, senkouPeriod)
    return unpackLines(lines, packed)
  }
  const { high, low, close } = bars
  const len = close.length
  const tmp = new Float64Array(len)
  // Each midpoint line: rolling high into the line, rolling low into tmp, then (hh + ll) / 2.0.
  const midpoint = (w: number): Float64Array => {
    const line = new Float64Array(len)
    rollingMaxInto(high, w, line)
    rollingMinInto(low, w, tmp)
    for (let i = 0; i < len; i++) line[i] = (line[i]! + tmp[i]!) / 2.0
    line.fill(NaN, 0, Math.min(len, w - 1))
    return line
  }
  const tenkan = midpoint(tenkanPeriod)
  const kijun = midpoint(kijunPeriod)
  const spanB = midpoint(senkouPeriod)
  const spanA = new Float64Array(len)
  for (let i = 0; i < len; i++) spanA[i] = (tenkan[i]! + kijun[i]!) / 2.0
  const shifted = (line: Float64Array): Float64Array => {
    const out = new Float64Array(len).fill(NaN)
    if (len > kijunPeriod) out.set(line.subarray(0, len - kijunPeriod), kijunPeriod)
    return out
  }
  return {
    tenkan,
    kijun,
    spanA,
    spanB,
    chikou: close.slice(),
    cloudA: shifted(spanA),
    cloudB: shifted(spanB),
  }
}
