import {
  barExit,
  longStopLossFill,
  longTakeProfitFill,
  normalizePrice,
  shortStopLossFill,
  shortTakeProfitFill,
} from '@tradeloom/runtime'
import type { Account } from './account'

/**
 * How stop losses and take profits fill inside a bar.
 * - `open-prices`: the Strategy Tester's "Open prices only" mode, modelled honestly: a level is
 *   checked on every tick (the open, then the hidden OHLC ticks of ./ticks.ts) and fills at the
 *   price of the first tick that reaches it (mt5-semantics.md 6.1: "may trigger at a price that
 *   differs from the specified one"; 6.2: non-exchange symbols fill at the triggering tick's
 *   Bid/Ask). A gap fills at the open; which of SL and TP comes first follows the tick order.
 * - `runtime-rules`: the runtime's bar rules (runtime/src/broker/fill-rules.ts, imported, not
 *   restated): after the EA's tick, the bar's range is checked; a level fills where it lies, a gap
 *   at the open, and the stop loss wins when both were reached. This is what a dense tick stream
 *   ("Every tick") approaches; with it any remaining difference is the EA's logic, not the fills.
 */
export type StopModel = 'open-prices' | 'runtime-rules'

/** Every position whose SL or TP the current tick reaches closes at that tick's Bid/Ask. */
export function triggerAtTick(account: Account): void {
  const positions = account.positions
  for (let k = 0; k < positions.length;) {
    const p = positions[k]!
    const price = p.side > 0 ? account.quote.bid : account.quote.ask
    const stopHit = p.sl > 0 && p.side * (price - p.sl) <= 0
    const targetHit = p.tp > 0 && p.side * (price - p.tp) >= 0
    if (stopHit || targetHit) account.closeAt(k, price, stopHit ? 'sl' : 'tp')
    else k++
  }
}

/**
 * The runtime's check of one bar's range (Bid open, high, low; Ask = Bid + spread) for every
 * position, as `findBarExit` does after the stops were moved at the open.
 */
export function triggerInBar(
  account: Account,
  openBid: number,
  highBid: number,
  lowBid: number,
  spreadPrice: number,
): void {
  const spec = account.spec
  const positions = account.positions
  for (let k = 0; k < positions.length;) {
    const p = positions[k]!
    const sl = p.sl > 0 ? p.sl : NaN
    const tp = p.tp > 0 ? p.tp : NaN
    let stopFill: number
    let targetFill: number
    if (p.side > 0) {
      stopFill = longStopLossFill(openBid, lowBid, sl)
      targetFill = longTakeProfitFill(openBid, highBid, tp)
    } else {
      const openAsk = normalizePrice(openBid + spreadPrice, spec)
      stopFill = shortStopLossFill(openAsk, normalizePrice(highBid + spreadPrice, spec), sl)
      targetFill = shortTakeProfitFill(openAsk, normalizePrice(lowBid + spreadPrice, spec), tp)
    }
    const exit = barExit(stopFill, targetFill)
    if (exit === 'stop') account.closeAt(k, normalizePrice(stopFill, spec), 'sl')
    else if (exit === 'target') account.closeAt(k, targetFill, 'tp')
    else k++
  }
}
