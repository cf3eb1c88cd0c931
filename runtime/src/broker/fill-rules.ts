/**
 * Fill-price rules, one named function each, following the Strategy Tester's "Open prices only"
 * model (mt5-semantics.md 6.1, 6.3, 6.4). Bars are Bid prices; Ask = Bid + spread · point.
 * The stop/target rules return NaN when the level was not reached in the bar.
 */
import { normalizePrice } from '../symbols/symbol-spec'
import type { SymbolSpec } from '../symbols/symbol-spec'

/**
 * A market buy (long entry, short exit) fills at the Ask of the bar's open tick, plus slippage
 * against the trader (6.4 step 2; 6.3: "buy at Open_bid[i+1] + spread·point").
 */
export function marketBuyPrice(
  openBid: number,
  spreadPoints: number,
  slippagePoints: number,
  spec: SymbolSpec,
): number {
  return normalizePrice(openBid + (spreadPoints + slippagePoints) * spec.point, spec)
}

/** A market sell (short entry, long exit) fills at the Bid of the bar's open tick, minus slippage. */
export function marketSellPrice(openBid: number, slippagePoints: number, spec: SymbolSpec): number {
  return normalizePrice(openBid - slippagePoints * spec.point, spec)
}

/**
 * A long's stop loss triggers when the Bid low reaches it. It fills at the level, or at the open
 * when the bar gapped through it: the first tick past the level is the open (6.4 step 6).
 */
export function longStopLossFill(openBid: number, lowBid: number, stopLoss: number): number {
  if (!(lowBid <= stopLoss)) return NaN
  return openBid <= stopLoss ? openBid : stopLoss
}

/** A long's take profit triggers when the Bid high reaches it; a gap above it fills at the open. */
export function longTakeProfitFill(openBid: number, highBid: number, takeProfit: number): number {
  if (!(highBid >= takeProfit)) return NaN
  return openBid >= takeProfit ? openBid : takeProfit
}

/**
 * A short's stop loss triggers when the Ask high reaches it (a short closes by buying at Ask,
 * mt5-semantics.md 3.8); a gap above it fills at the opening Ask.
 */
export function shortStopLossFill(openAsk: number, highAsk: number, stopLoss: number): number {
  if (!(highAsk >= stopLoss)) return NaN
  return openAsk >= stopLoss ? openAsk : stopLoss
}

/** A short's take profit triggers when the Ask low reaches it; a gap below it fills at the open. */
export function shortTakeProfitFill(openAsk: number, lowAsk: number, takeProfit: number): number {
  if (!(lowAsk <= takeProfit)) return NaN
  return openAsk <= takeProfit ? openAsk : takeProfit
}

/** Which exit a bar triggers: none, the stop loss or the take profit. */
export type BarExit = 'none' | 'stop' | 'target'

/**
 * When one bar reaches both the stop loss and the take profit, the stop loss counts: OHLC bars
 * do not say which came first, and the pessimistic choice never flatters a strategy
 * (architecture.md, "Strategy semantics"; mt5-semantics.md 6.4 step 6). The trade is then
 * flagged `ambiguousExit`.
 */
export function barExit(stopFill: number, targetFill: number): BarExit {
  if (stopFill === stopFill) return 'stop'
  return targetFill === targetFill ? 'target' : 'none'
}
