/**
 * The small discriminated unions an {@link OrderIntent} is made of. Distances are resolved into
 * prices once, when the order fills, from the fill price (mt5-semantics.md 3.8 and 6.4).
 */

/**
 * A distance from the entry price.
 * - `points`: in `SYMBOL_POINT` units (EURUSD: 0.00001).
 * - `pips`: in the symbol's `pipSize` (10 points on 3/5-digit FX; see `defineSymbol`).
 * - `atr`: `multiple · atr`, where `atr` is the ATR value the strategy saw when it decided; when
 *   left out, the engine asks `BacktestConfig.atr(barIndex)`. A missing or NaN ATR refuses the order.
 * - `percent`: a percentage of the entry price (2 = 2 %).
 */
export type Distance =
  | { readonly kind: 'points'; readonly points: number }
  | { readonly kind: 'pips'; readonly pips: number }
  | { readonly kind: 'atr'; readonly multiple: number; readonly atr?: number }
  | { readonly kind: 'percent'; readonly percent: number }

/** A stop-loss or take-profit level: an absolute price, or a {@link Distance} from the entry. */
export type PriceLevel = Distance | { readonly kind: 'price'; readonly price: number }

/**
 * A stop that follows the price at `distance` (long: Bid − distance, only ever upwards), updated
 * at each bar's open. Without `activation` it trails from the entry bar on (and so also acts as
 * the initial stop); with it, trailing starts once the position is that far in profit.
 */
export interface TrailingStop {
  readonly distance: Distance
  readonly activation?: Distance
}

/**
 * Moves the stop to the entry price plus `offset` (default 0) once the position is `trigger`
 * in profit. The stop never moves backwards.
 */
export interface BreakEven {
  readonly trigger: Distance
  readonly offset?: Distance
}

/**
 * How many lots an entry buys; the result is always rounded down to the volume step and kept
 * within the symbol's min and max (mt5-semantics.md 3.8).
 * - `fixed`: that many lots.
 * - `percent-equity`: a position whose value is `percent` % of equity (can exceed 100 with leverage).
 * - `risk-percent`: the volume that loses `percent` % of equity if the stop loss is hit; needs a stop.
 */
export type Sizing =
  | { readonly kind: 'fixed'; readonly lots: number }
  | { readonly kind: 'percent-equity'; readonly percent: number }
  | { readonly kind: 'risk-percent'; readonly percent: number }
