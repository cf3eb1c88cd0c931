import type { Exit, Position } from './position'
import {
  barExit,
  longStopLossFill,
  longTakeProfitFill,
  shortStopLossFill,
  shortTakeProfitFill,
} from './fill-rules'
import { moveToBreakEven, trailStop } from './trailing'
import { normalizePrice } from '../symbols/symbol-spec'
import type { SymbolSpec } from '../symbols/symbol-spec'

/** @internal One bar's Bid prices and the costs in price units (reused by the broker). */
export interface BarPrices {
  openBid: number
  highBid: number
  lowBid: number
  /** Spread in price units; Ask = Bid + spread. */
  spread: number
  /** Slippage in price units, applied to stop-loss fills. */
  slippage: number
}

/** @internal A blank {@link BarPrices} to reuse. */
export function blankBarPrices(): BarPrices {
  return { openBid: 0, highBid: 0, lowBid: 0, spread: 0, slippage: 0 }
}

/**
 * @internal What happens to position `p` in one bar, in the order an EA in "Open prices only"
 * experiences it (mt5-semantics.md 6.1, 6.4 step 6): at the open the stop trails and moves to
 * break-even (`trailing.ts`); then the bar's range is checked against the stop loss and take
 * profit (`fill-rules.ts`: gaps fill at the open, the stop loss wins a tie). A stop becomes a
 * market order when touched, so it slips; a take profit is a limit order and does not.
 * Returns true and fills `out` (price, reason, ambiguous) when the position closes.
 */
export function findBarExit(p: Position, bar: BarPrices, spec: SymbolSpec, out: Exit): boolean {
  const long = p.side > 0
  const openAsk = long ? NaN : normalizePrice(bar.openBid + bar.spread, spec)
  const closingPrice = long ? bar.openBid : openAsk
  trailStop(p, closingPrice, spec)
  moveToBreakEven(p, closingPrice, spec)
  let stopFill: number
  let targetFill: number
  if (long) {
    stopFill = longStopLossFill(bar.openBid, bar.lowBid, p.stopLoss)
    targetFill = longTakeProfitFill(bar.openBid, bar.highBid, p.takeProfit)
  } else {
    const highAsk = normalizePrice(bar.highBid + bar.spread, spec)
    const lowAsk = normalizePrice(bar.lowBid + bar.spread, spec)
    stopFill = shortStopLossFill(openAsk, highAsk, p.stopLoss)
    targetFill = shortTakeProfitFill(openAsk, lowAsk, p.takeProfit)
  }
  const exit = barExit(stopFill, targetFill)
  if (exit === 'none') return false
  if (exit === 'stop') {
    out.price = normalizePrice(stopFill - p.side * bar.slippage, spec)
    out.reason = p.stopKind
    out.ambiguous = targetFill === targetFill
  } else {
    out.price = targetFill
    out.reason = 'take-profit'
    out.ambiguous = false
  }
  return true
}
