/**
 * MT5 applied prices (`ENUM_APPLIED_PRICE`, mt5-semantics.md section 2). Every price-input indicator
 * takes the applied price as a plain number series; these helpers derive it from OHLC.
 *
 * Operation order (mirrored by the MQL5 include library):
 *   median   = (high + low) / 2
 *   typical  = ((high + low) + close) / 3
 *   weighted = (((high + low) + close) + close) / 4
 */
import type { Bars } from '../bars'

/** Which price an indicator reads, named after MT5's `PRICE_*` constants. */
export type AppliedPrice = 'close' | 'open' | 'high' | 'low' | 'median' | 'typical' | 'weighted'

/** Every applied price kind, in MT5's enum order (PRICE_CLOSE = 1 ... PRICE_WEIGHTED = 7). */
export const APPLIED_PRICES: readonly AppliedPrice[] = [
  'close',
  'open',
  'high',
  'low',
  'median',
  'typical',
  'weighted',
]

/**
 * The applied price of one bar.
 *
 * @example
 * const p = appliedPrice('typical', ctx.open, ctx.high, ctx.low, ctx.close)
 */
export function appliedPrice(
  kind: AppliedPrice,
  open: number,
  high: number,
  low: number,
  close: number,
): number {
  switch (kind) {
    case 'close':
      return close
    case 'open':
      return open
    case 'high':
      return high
    case 'low':
      return low
    case 'median':
      return (high + low) / 2
    case 'typical':
      return (high + low + close) / 3
    case 'weighted':
      return (high + low + close + close) / 4
    default:
      throw new RangeError(`appliedPrice: unknown kind ${JSON.stringify(kind)}`)
  }
}

/**
 * The applied price of every bar. For close/open/high/low this returns the bars' own column
 * (no copy), so never write into the result.
 */
export function appliedPriceSeries(
  bars: Pick<Bars, 'length' | 'open' | 'high' | 'low' | 'close'>,
  kind: AppliedPrice,
): Float64Array {
  const { high: h, low: l, close: c } = bars
  switch (kind) {
    case 'close':
      return bars.close
    case 'open':
      return bars.open
    case 'high':
      return bars.high
    case 'low':
      return bars.low
    default:
  }
  const n = bars.length
  const out = new Float64Array(n)
  if (kind === 'median') for (let i = 0; i < n; i++) out[i] = (h[i]! + l[i]!) / 2
  else if (kind === 'typical') for (let i = 0; i < n; i++) out[i] = (h[i]! + l[i]! + c[i]!) / 3
  else if (kind === 'weighted')
    for (let i = 0; i < n; i++) out[i] = (h[i]! + l[i]! + c[i]! + c[i]!) / 4
  else throw new RangeError(`appliedPriceSeries: unknown kind ${JSON.stringify(kind)}`)
  return out
}
