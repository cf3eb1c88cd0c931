import type { BacktestConfig } from '../engine/config'
import type { RefusedOrder, Trade } from '../engine/result'
import type { Strategy } from '../engine/strategy'
import type { SymbolSpec } from '../symbols/symbol-spec'

/** One closed bar pushed into a live session; `time` is its open time in epoch seconds. */
export interface LiveBar {
  readonly time: number
  readonly open: number
  readonly high: number
  readonly low: number
  readonly close: number
  readonly tickVolume: number
  /** Spread in points; 0 when unknown (the last positive one, else the symbol's typical, applies). */
  readonly spread: number
}

export interface LiveSessionOptions {
  readonly symbol: SymbolSpec
  /** As for `runBacktest`; `symbol` is replaced by the option above, `closeAtEnd` is meaningless. */
  readonly config?: Partial<BacktestConfig>
  readonly strategy: Strategy
  /** Bars the session can hold; pushing one more throws (start a new session). */
  readonly capacity: number
  /**
   * Added to every ticket (deal, order, position), so tickets of a restarted terminal do not
   * repeat those reported before it restarted. Default 0: tickets 1, 2, 3…
   */
  readonly ticketBase?: number
}

/** MT5's `DEAL_ENTRY`: `inout` is a netting reversal, one deal closing and opening. */
export type LiveDealEntry = 'in' | 'out' | 'inout'
/** MT5's `DEAL_REASON` for what a simulated EA does: its own orders, stops, targets, stop-out. */
export type LiveDealReason = 'expert' | 'sl' | 'tp' | 'stop_out'

/** One deal, shaped like MT5's deal properties (protocol §5 "trades"). */
export interface LiveDeal {
  /** Increasing integers (`ticketBase` + 1, 2, 3…); decimal strings on the wire. */
  readonly deal: number
  readonly order: number
  readonly position: number
  /** Bar time of the deal in ms: the open of the bar it filled at (stops: the bar they hit in). */
  readonly timeMsc: number
  readonly type: 'buy' | 'sell'
  readonly entry: LiveDealEntry
  readonly reason: LiveDealReason
  readonly volume: number
  readonly price: number
  /** What the order asked for (the market price before slippage); null for stops and stop-outs. */
  readonly requestedPrice: number | null
  /** Money result of a closing deal, before commission; 0 for an opening deal. */
  readonly profit: number
  /** MT5's sign: a charge is negative. */
  readonly commission: number
  readonly swap: number
  /** The spread in points when the deal happened. */
  readonly spreadPoints: number
  /** The bar index the deal belongs to. */
  readonly barIndex: number
}

/** What one pushed bar caused. */
export interface LiveStep {
  /** The bar's index in the session (0 for the first). */
  readonly index: number
  /** Deals at this bar's open (orders decided earlier), inside it (stops), and after its close (stop-out). */
  readonly deals: LiveDeal[]
  /** Orders the broker refused on this bar, with reasons (as `runBacktest` reports them). */
  readonly refused: RefusedOrder[]
  /** Entries the strategy signalled on this bar's close while halted (not queued). */
  readonly blockedEntries: number
  /** Equity at this bar's close. */
  readonly equity: number
  readonly balance: number
  /** Equity fell to zero or below: everything was closed and the session stays halted. */
  readonly depleted: boolean
}

/** An open position as a heartbeat reports it (protocol §5 "heartbeat"). */
export interface LivePosition {
  readonly ticket: number
  readonly type: 'buy' | 'sell'
  readonly volume: number
  readonly priceOpen: number
  /** 0 when none, as MT5 reports it. */
  readonly sl: number
  readonly tp: number
  /** Floating profit at the last close (longs at Bid, shorts at Ask). */
  readonly profit: number
  readonly swap: number
  readonly timeMsc: number
}

export interface LiveSnapshot {
  readonly balance: number
  /** At the last close (or after a close-all since), in cents. */
  readonly equity: number
  readonly positions: LivePosition[]
  readonly halted: boolean
  readonly depleted: boolean
  /** Open time of the newest bar the strategy evaluated, 0 before the first. */
  readonly lastBarTime: number
  readonly bars: number
  readonly capacity: number
}

/** A strategy running bar by bar on the backtest broker, for a paper terminal. */
export interface LiveSession {
  /** Processes one CLOSED bar exactly as `runBacktest` processes bar i. Throws when full. */
  pushBar(bar: LiveBar): LiveStep
  /** No new entries (queued ones are refused); exits, stops and targets keep working. */
  halt(): void
  /** Lifts a halt (not after equity was depleted). */
  resume(): void
  /**
   * Closes every position at market now: at `bid` (default: the last close), shorts at Ask,
   * without slippage; entries queued for the next open are refused. `timeMsc` stamps the deals
   * (default: the last bar's time). Returns the deals.
   */
  closeAll(bid?: number, timeMsc?: number): LiveDeal[]
  snapshot(): LiveSnapshot
  readonly halted: boolean
  /** Closed positions so far, as `runBacktest` reports them. */
  readonly trades: readonly Trade[]
  /** Every order refused so far. */
  readonly refusedOrders: readonly RefusedOrder[]
}
