import type { Stats } from '../stats/stats'
import type { SymbolSpec } from '../symbols/symbol-spec'

/** Why a trade ended. `signal` = an exit order; `reverse` = an opposite entry closed it. */
export type ExitReason =
  | 'signal'
  | 'reverse'
  | 'stop-loss'
  | 'take-profit'
  | 'trailing-stop'
  | 'break-even'
  | 'end-of-data'
  | 'equity-depleted'

/**
 * Why the run ended: it reached the last bar, or equity at a bar close was at or below zero
 * (open positions were then closed at that close and no later bar was simulated).
 */
export type StopReason = 'end-of-data' | 'equity-depleted'

/** The strategy-facing order methods of `BarContext`. */
export type OrderAction = 'enterLong' | 'enterShort' | 'exitLong' | 'exitShort' | 'closeAll'

/** A closed position. Prices are the fill prices (buys at Ask, sells at Bid). */
export interface Trade {
  /** Position ticket, counting from 1 in the order positions were opened. */
  readonly id: number
  readonly side: 'long' | 'short'
  /** Lots. */
  readonly volume: number
  /** Bar whose open filled the entry (the bar after the decision). */
  readonly entryIndex: number
  readonly entryTime: number
  /** Volume-weighted when a netting position was added to. */
  readonly entryPrice: number
  readonly exitIndex: number
  readonly exitTime: number
  readonly exitPrice: number
  /** Net money result: `grossProfit − commission`. Trade profits sum to the balance change. */
  readonly profit: number
  /** Price result in money, `Δprice / tickSize · tickValue · lots`, rounded to cents. */
  readonly grossProfit: number
  /** Commission charged on the entry and exit deals, attributed to this position. */
  readonly commission: number
  readonly exitReason: ExitReason
  readonly tag?: string
  /** Stop loss in force right after the entry, or null without one. */
  readonly initialStopLoss: number | null
  /** Take profit in force at the exit, or null. */
  readonly takeProfit: number | null
  /** Money lost if the initial stop had been hit (without costs), or null without a stop. */
  readonly initialRisk: number | null
  /** `profit / initialRisk`, or null without a stop. */
  readonly rMultiple: number | null
  /** Bar closes the position lived through (0 when it closed inside its entry bar). */
  readonly barsHeld: number
  /**
   * True when the exit bar reached both the stop loss and the take profit: the stop counted, but
   * the real order of ticks is unknown (mt5-semantics.md 6.4 step 6).
   */
  readonly ambiguousExit: boolean
}

/** A position still open when the run ended with `closeAtEnd: false`. */
export interface OpenPosition {
  readonly id: number
  readonly side: 'long' | 'short'
  readonly volume: number
  readonly entryIndex: number
  readonly entryTime: number
  readonly entryPrice: number
  readonly stopLoss: number | null
  readonly takeProfit: number | null
  /** Profit at the last close (long at Bid, short at Ask), before exit costs. */
  readonly floatingProfit: number
  readonly tag?: string
}

/** An order the broker did not execute, and why, in words a trader can act on. */
export interface RefusedOrder {
  /** The bar on whose close the strategy placed the order. */
  readonly barIndex: number
  readonly time: number
  readonly action: OrderAction
  readonly reason: string
  readonly tag?: string
}

/** Everything a run produces. Arrays have one entry per bar. */
export interface BacktestResult {
  readonly trades: Trade[]
  /** Equity at each bar's close; after an `equity-depleted` stop it stays at the final value. */
  readonly equity: Float64Array
  /** Drawdown from the running equity peak at each bar's close, in money (>= 0). */
  readonly drawdown: Float64Array
  readonly stats: Stats
  readonly stopReason: StopReason
  /** The last bar simulated. */
  readonly lastIndex: number
  /** Values recorded with `ctx.record(key, value)` (only with `recordSeries`), NaN where unrecorded. */
  readonly series: Record<string, Float64Array>
  readonly refusedOrders: RefusedOrder[]
  readonly openPositions: OpenPosition[]
  readonly symbol: SymbolSpec
  readonly initialCash: number
}
