import type { LiveDeal, RefusedOrder, SymbolSpec } from '@tradeloom/runtime'

/** A trade report as the protocol's `trades` message carries it (docs/ea-protocol.md §5). */
export type TradeReport = Record<string, unknown> & { readonly kind: 'deal' | 'rejected' }

/** MT5's "request completed" (TRADE_RETCODE_DONE). */
export const RETCODE_DONE = 10009

export interface DealContext {
  readonly symbol: SymbolSpec
  readonly magic: string
  /** Wall-clock time of the simulated fill, ms (the paper terminal's trade-server clock). */
  readonly timeMsc: number
  /** Round trip of the simulated request, ms. */
  readonly latencyMs: number
}

/**
 * A deal report with the execution-quality members: the requested price, the slippage in points
 * (positive against the trader), the spread and the latency. Deals no request asked for (stops,
 * targets, stop-outs) carry nulls there, as an EA reports them.
 */
export function dealReport(deal: LiveDeal, context: DealContext): TradeReport {
  const requested = deal.requestedPrice
  const against = deal.type === 'buy' ? 1 : -1
  return {
    kind: 'deal',
    deal: String(deal.deal),
    order: String(deal.order),
    position: String(deal.position),
    timeMsc: context.timeMsc,
    symbol: context.symbol.name,
    magic: context.magic,
    type: deal.type,
    entry: deal.entry,
    reason: deal.reason,
    volume: deal.volume,
    price: deal.price,
    requestedPrice: requested,
    slippagePoints:
      requested === null
        ? null
        : round((against * (deal.price - requested)) / context.symbol.point, 3),
    spreadPoints: Math.round(deal.spreadPoints),
    latencyMs: requested === null ? null : round(context.latencyMs, 3),
    retcode: requested === null ? null : RETCODE_DONE,
    profit: deal.profit,
    commission: deal.commission,
    swap: deal.swap,
    fee: 0,
    comment: 'tradeloom paper',
  }
}

const BUYS = new Set(['enterLong', 'exitShort'])

/**
 * An order the simulated broker refused (volume below the minimum, stops inside the stops level…)
 * as a `rejected` report: it never became a deal, but counts in the failure rate. Its key is
 * unique per terminal run (`ticketBase`) and refusal.
 */
export function rejectedReport(
  refused: RefusedOrder,
  context: DealContext & {
    readonly key: string
    readonly volume: number
    readonly spreadPoints: number
  },
): TradeReport {
  return {
    kind: 'rejected',
    key: context.key,
    timeMsc: context.timeMsc,
    symbol: context.symbol.name,
    magic: context.magic,
    type: BUYS.has(refused.action) ? 'buy' : 'sell',
    action: refused.action.startsWith('enter') ? 'open' : 'close',
    position: null,
    volume: context.volume,
    requestedPrice: null,
    spreadPoints: Math.round(context.spreadPoints),
    latencyMs: round(context.latencyMs, 3),
    retcode: null,
    message: refused.reason,
  }
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}
