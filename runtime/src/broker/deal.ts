import type { ExitReason } from '../engine/result'

/**
 * @internal One deal as the broker books it, handed to `Broker.onDeal` (the live session turns
 * it into a deal report). The broker reuses one record: listeners copy what they keep.
 */
export interface BrokerDeal {
  /** `in` opens a position or adds to one (netting); `out` closes one. */
  entry: 'in' | 'out'
  /** The broker's position id (1, 2, 3… in opening order). */
  positionId: number
  /** The deal's direction: 1 buy, −1 sell. */
  side: number
  /** Lots. */
  volume: number
  /** Filled price, slippage included. */
  price: number
  /** Commission charged on this deal (positive = cost, as the broker books it). */
  commission: number
  /** Money result of a closing deal before commission; 0 for an opening one. */
  gross: number
  /** Why a closing deal happened; null for an opening one. */
  exitReason: ExitReason | null
  /** The bar at whose open (or inside which, or after whose close) the deal happened. */
  barIndex: number
  /** The spread in points in force at the deal. */
  spreadPoints: number
  /** `config.slippage`: points a market order filled against the trader. */
  slippagePoints: number
}

/** @internal A blank {@link BrokerDeal} to reuse. */
export function blankDeal(): BrokerDeal {
  return {
    entry: 'in',
    positionId: 0,
    side: 0,
    volume: 0,
    price: 0,
    commission: 0,
    gross: 0,
    exitReason: null,
    barIndex: 0,
    spreadPoints: 0,
    slippagePoints: 0,
  }
}
