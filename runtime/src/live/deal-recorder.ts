import type { BrokerDeal } from '../broker/deal'
import type { AccountMode } from '../engine/config'
import type { ExitReason } from '../engine/result'
import { normalizePrice, roundTo } from '../symbols/symbol-spec'
import type { SymbolSpec } from '../symbols/symbol-spec'
import type { LiveDeal, LiveDealReason } from './types'

/** How the deals being recorded came about, set by the session around each broker call. */
export type DealContext = 'market' | 'close-all'

/**
 * Turns the broker's deal callbacks into MT5-shaped deals with tickets. A netting reversal, which
 * the broker books as a close then an open at the same price, becomes one `inout` deal, as MT5
 * books it (mt5-semantics.md 3.7), and the reversed position keeps the ticket of the position it
 * reversed: netting holds one position per symbol, the broker's new id is an artefact.
 */
export class DealRecorder {
  context: DealContext = 'market'
  /** Stamps deals with this time (ms) instead of their bar's time; null: the bar's. */
  timeMsc: number | null = null
  private pending: LiveDeal[] = []
  private lastReverse: { deal: LiveDeal; index: number } | null = null
  private dealSeq = 0
  private orderSeq = 0
  /** Broker position id → the ticket it is reported under, for positions born of a reversal. */
  private readonly aliases = new Map<number, number>()

  constructor(
    private readonly spec: SymbolSpec,
    private readonly mode: AccountMode,
    private readonly ticketBase: number,
    private readonly barTime: (index: number) => number,
  ) {}

  /** The broker's listener. */
  record(d: BrokerDeal): void {
    const reason = dealReason(d.exitReason)
    const deal: LiveDeal = {
      deal: 0,
      order: 0,
      position: this.positionTicket(d.positionId),
      timeMsc: this.timeMsc ?? this.barTime(d.barIndex) * 1000,
      type: d.side > 0 ? 'buy' : 'sell',
      entry: d.entry,
      reason,
      volume: d.volume,
      price: d.price,
      requestedPrice: this.requestedPrice(d, reason),
      profit: d.gross,
      commission: d.commission === 0 ? 0 : -d.commission,
      swap: 0,
      spreadPoints: d.spreadPoints,
      barIndex: d.barIndex,
    }
    const reverse = this.lastReverse
    this.lastReverse = null
    if (
      d.entry === 'in' &&
      this.mode === 'netting' &&
      reverse !== null &&
      reverse.deal.barIndex === d.barIndex &&
      reverse.deal.type === deal.type &&
      reverse.deal.price === deal.price
    ) {
      // The opening half of a netting reversal: one deal, one order, one position, as in MT5.
      this.aliases.set(d.positionId, reverse.deal.position)
      this.pending[reverse.index] = {
        ...reverse.deal,
        entry: 'inout',
        volume: roundTo(reverse.deal.volume + deal.volume, 8),
        commission: roundTo(reverse.deal.commission + deal.commission, 2),
      }
      return
    }
    if (d.entry === 'out') this.aliases.delete(d.positionId)
    const ticketed: LiveDeal = {
      ...deal,
      deal: this.ticketBase + ++this.dealSeq,
      order: this.ticketBase + ++this.orderSeq,
    }
    this.pending.push(ticketed)
    if (d.entry === 'out' && d.exitReason === 'reverse') {
      this.lastReverse = { deal: ticketed, index: this.pending.length - 1 }
    }
  }

  /** The ticket the broker's position `id` is reported under. */
  positionTicket(id: number): number {
    return this.aliases.get(id) ?? this.ticketBase + id
  }

  /** The deals recorded since the last call. */
  take(): LiveDeal[] {
    const deals = this.pending
    this.pending = []
    this.lastReverse = null
    return deals
  }

  /**
   * The price the order asked for: the market price before slippage for the EA's own orders,
   * the price itself for a close-all at the last close (no slippage there), null for stops,
   * targets and stop-outs, which no request of the EA asked for.
   */
  private requestedPrice(d: BrokerDeal, reason: LiveDealReason): number | null {
    if (reason !== 'expert') return null
    if (this.context === 'close-all' || d.slippagePoints === 0) return d.price
    return normalizePrice(d.price - d.side * d.slippagePoints * this.spec.point, this.spec)
  }
}

/** MT5's `DEAL_REASON` for a broker exit reason (null: an opening deal, the EA's own). */
export function dealReason(exitReason: ExitReason | null): LiveDealReason {
  switch (exitReason) {
    case 'stop-loss':
    case 'trailing-stop':
    case 'break-even':
      return 'sl'
    case 'take-profit':
      return 'tp'
    case 'equity-depleted':
      return 'stop_out'
    default:
      return 'expert'
  }
}
