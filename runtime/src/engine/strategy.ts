/**
 * The contract between generated (or hand-written) strategy modules and the engine.
 * A strategy module is the TypeScript the compiler emits; it exports `createStrategy` and
 * `defaultParams`, and the engine calls `onBar` once per closed bar.
 */

import type { BreakEven, PriceLevel, Sizing, TrailingStop } from './order-specs'

/**
 * Extra instructions attached to an order; every field is optional. Exits use only `tag`.
 *
 * @example
 * ctx.enterLong({ stopLoss: { kind: 'atr', multiple: 2, atr: atrValue }, sizing: { kind: 'risk-percent', percent: 1 } })
 */
export interface OrderIntent {
  /** The canvas node that asked for the order, for trade logs and explanations. */
  readonly tag?: string
  /** Protective stop, checked inside every bar from its low (long) or high (short). */
  readonly stopLoss?: PriceLevel
  /** Profit target, checked inside every bar; when a bar reaches both, the stop loss counts. */
  readonly takeProfit?: PriceLevel
  /** A stop that follows the price, updated at each bar's open. */
  readonly trailingStop?: TrailingStop
  /** Moves the stop to the entry once the position is far enough in profit. */
  readonly breakEven?: BreakEven
  /** Overrides the run's sizing (`BacktestConfig.sizing`, else `lots`) for this entry. */
  readonly sizing?: Sizing
}

/**
 * What a strategy sees on bar `index`: the closed bar and its account state. Orders placed here
 * fill at the next bar's open, as an EA acting on the first tick of a new bar would.
 * One object is reused for every bar (no per-bar allocation): never keep a reference to it.
 */
export interface BarContext {
  readonly index: number
  readonly time: number
  readonly open: number
  readonly high: number
  readonly low: number
  readonly close: number
  readonly tickVolume: number
  readonly spread: number
  /** True until `warmupBars` bars have been seen: indicators update, trading waits. */
  readonly isWarmingUp: boolean
  /** Net open volume for the strategy's symbol: > 0 long, < 0 short, 0 flat. */
  readonly positionVolume: number
  enterLong(intent?: OrderIntent): void
  enterShort(intent?: OrderIntent): void
  exitLong(intent?: OrderIntent): void
  exitShort(intent?: OrderIntent): void
  closeAll(intent?: OrderIntent): void
  /**
   * Records a node output's value on this bar, so charts can draw indicator lines and the
   * replay can show every node's value. A no-op unless the run asked for `recordSeries`.
   */
  record(key: string, value: number): void
}

export interface Strategy {
  /** Bars needed before the first signal may be acted upon. */
  readonly warmupBars: number
  onBar(ctx: BarContext): void
}

export type ParamValue = number | string | boolean
export type StrategyParams = Readonly<Record<string, ParamValue>>

/** The shape of a compiled (type-stripped and evaluated) strategy module. */
export interface StrategyModule {
  readonly defaultParams: StrategyParams
  createStrategy(params?: Partial<StrategyParams>): Strategy
}
