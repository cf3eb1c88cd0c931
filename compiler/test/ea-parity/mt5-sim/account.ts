import type { SymbolSpec } from '@tradeloom/runtime'
import { constant } from './mt5-constants'

/** Why a deal closed a position: the EA's own order, a stop loss, a take profit, the test's end. */
export type DealReason = 'expert' | 'sl' | 'tp' | 'end-of-test'

/** An open position. `sl`/`tp` 0 = none, as in MQL5. */
export interface SimPosition {
  readonly ticket: number
  /** 1 buy, -1 sell. */
  readonly side: number
  readonly volume: number
  readonly priceOpen: number
  sl: number
  tp: number
  readonly magic: number
  readonly comment: string
  readonly time: number
  readonly bar: number
}

/** A deal, as the tester's history lists it. */
export interface SimDeal {
  readonly ticket: number
  readonly order: number
  readonly position: number
  readonly bar: number
  readonly time: number
  /** 1 buy, -1 sell. */
  readonly side: number
  readonly entry: 'in' | 'out'
  readonly volume: number
  readonly price: number
  /** Money result of a closing deal, rounded to cents; 0 for an entry. */
  readonly profit: number
  readonly reason: DealReason
}

/** A closed position: its entry deal and its exit deal. */
export interface SimTrade {
  readonly ticket: number
  readonly side: 'long' | 'short'
  readonly volume: number
  readonly entryBar: number
  readonly entryTime: number
  readonly entryPrice: number
  readonly exitBar: number
  readonly exitTime: number
  readonly exitPrice: number
  readonly profit: number
  readonly reason: DealReason
  readonly comment: string
}

/** The current tick: the bar it belongs to, its time and prices. */
export interface Quote {
  bar: number
  time: number
  bid: number
  ask: number
}

/** What the trade server answered (`MqlTradeResult`'s fields our EAs read). */
export interface TradeResult {
  readonly retcode: number
  readonly order: number
  readonly deal: number
  readonly price: number
  readonly volume: number
}

const TRADE_RETCODE_DONE = constant('TRADE_RETCODE_DONE')
const TRADE_RETCODE_INVALID_VOLUME = constant('TRADE_RETCODE_INVALID_VOLUME')
const TRADE_RETCODE_INVALID_STOPS = constant('TRADE_RETCODE_INVALID_STOPS')
const TRADE_RETCODE_NO_CHANGES = constant('TRADE_RETCODE_NO_CHANGES')
const TRADE_RETCODE_POSITION_CLOSED = constant('TRADE_RETCODE_POSITION_CLOSED')

/** Rounds to cents half away from zero, as MT5 books money (deal profit, position profit). */
export function cents(x: number): number {
  return (x < 0 ? -Math.round(-x * 100) : Math.round(x * 100)) / 100
}

/** Money of a position's move from `open` to `close`: `Δprice / tickSize · tickValue · lots`. */
export function dealProfit(
  side: number,
  open: number,
  close: number,
  volume: number,
  spec: SymbolSpec,
): number {
  return cents(((side * (close - open)) / spec.tickSize) * spec.tickValue * volume)
}

/**
 * The tester's account for one symbol: positions, deals, balance. Market orders fill at once at
 * the current Ask (buy) or Bid (sell), without slippage ("zero latency"); money is
 * `Δprice / tickSize · tickValue · lots` per deal, rounded to cents. Netting (one position per
 * symbol) or hedging (positions by ticket). On netting the simulator models opening on a flat
 * account and closing a whole position; adding to, reducing or reversing a position in one deal
 * is not modelled (our EAs close first) and throws rather than guess. No margin, commission or
 * swap: the runtime configuration compared against charges none either.
 */
export class Account {
  balance: number
  readonly positions: SimPosition[] = []
  readonly deals: SimDeal[] = []
  readonly trades: SimTrade[] = []
  readonly quote: Quote = { bar: 0, time: 0, bid: 0, ask: 0 }
  private nextTicket = 2 // deal #1 is the deposit, as in the tester's history

  constructor(
    readonly spec: SymbolSpec,
    readonly hedging: boolean,
    initialDeposit: number,
  ) {
    this.balance = initialDeposit
  }

  /** A market buy (side 1) or sell (-1) of `volume` lots with optional stops (0 = none). */
  marketOrder(
    side: number,
    volume: number,
    sl: number,
    tp: number,
    magic: number,
    comment: string,
  ): TradeResult {
    if (!this.validVolume(volume)) return this.refused(TRADE_RETCODE_INVALID_VOLUME)
    if (!this.validStops(side, sl, tp)) return this.refused(TRADE_RETCODE_INVALID_STOPS)
    if (!this.hedging && this.positions.length > 0)
      throw new Error(
        'MT5 simulator: a market order on a netting account with an open position (adding, ' +
          'reducing or reversing in one deal) is not modelled',
      )
    const price = side > 0 ? this.quote.ask : this.quote.bid
    const ticket = this.nextTicket++
    this.positions.push({
      ticket,
      side,
      volume,
      priceOpen: price,
      sl,
      tp,
      magic,
      comment,
      time: this.quote.time,
      bar: this.quote.bar,
    })
    const deal = this.book(ticket, ticket, side, 'in', volume, price, 0, 'expert')
    return { retcode: TRADE_RETCODE_DONE, order: ticket, deal, price, volume }
  }

  /** Closes position `ticket` at the market (a long sells at Bid, a short buys at Ask). */
  closeByExpert(ticket: number): TradeResult {
    const k = this.positions.findIndex((p) => p.ticket === ticket)
    if (k < 0) return this.refused(TRADE_RETCODE_POSITION_CLOSED)
    const p = this.positions[k]!
    const order = this.nextTicket++
    const price = p.side > 0 ? this.quote.bid : this.quote.ask
    const deal = this.closeAt(k, price, 'expert', order)
    return { retcode: TRADE_RETCODE_DONE, order, deal, price, volume: p.volume }
  }

  /** Closes position index `k` at `price`; returns the deal ticket. */
  closeAt(k: number, price: number, reason: DealReason, order = this.nextTicket++): number {
    const p = this.positions[k]!
    const profit = dealProfit(p.side, p.priceOpen, price, p.volume, this.spec)
    this.positions.splice(k, 1)
    const deal = this.book(order, p.ticket, -p.side, 'out', p.volume, price, profit, reason)
    this.balance = cents(this.balance + profit)
    this.trades.push({
      ticket: p.ticket,
      side: p.side > 0 ? 'long' : 'short',
      volume: p.volume,
      entryBar: p.bar,
      entryTime: p.time,
      entryPrice: p.priceOpen,
      exitBar: this.quote.bar,
      exitTime: this.quote.time,
      exitPrice: price,
      profit,
      reason,
      comment: p.comment,
    })
    return deal
  }

  /** Sets a position's stops (TRADE_ACTION_SLTP); returns the retcode. */
  modify(ticket: number, sl: number, tp: number): number {
    const p = this.positions.find((q) => q.ticket === ticket)
    if (!p) return TRADE_RETCODE_POSITION_CLOSED
    if (p.sl === sl && p.tp === tp) return TRADE_RETCODE_NO_CHANGES
    if (!this.validStops(p.side, sl, tp)) return TRADE_RETCODE_INVALID_STOPS
    p.sl = sl
    p.tp = tp
    return TRADE_RETCODE_DONE
  }

  /** A position's profit at the current prices, in cents as MT5 shows POSITION_PROFIT. */
  floating(p: SimPosition): number {
    const price = p.side > 0 ? this.quote.bid : this.quote.ask
    return dealProfit(p.side, p.priceOpen, price, p.volume, this.spec)
  }

  equity(): number {
    return cents(this.positions.reduce((sum, p) => sum + this.floating(p), this.balance))
  }

  private book(
    order: number,
    position: number,
    side: number,
    entry: 'in' | 'out',
    volume: number,
    price: number,
    profit: number,
    reason: DealReason,
  ): number {
    const ticket = this.nextTicket++
    const { bar, time } = this.quote
    this.deals.push({
      ticket,
      order,
      position,
      bar,
      time,
      side,
      entry,
      volume,
      price,
      profit,
      reason,
    })
    return ticket
  }

  private refused(retcode: number): TradeResult {
    return { retcode, order: 0, deal: 0, price: 0, volume: 0 }
  }

  /** Within the symbol's limits and a whole number of volume steps. */
  private validVolume(volume: number): boolean {
    const { volumeMin, volumeMax, volumeStep } = this.spec
    const steps = volume / volumeStep
    return (
      volume >= volumeMin - 1e-9 &&
      volume <= volumeMax + 1e-9 &&
      Math.abs(steps - Math.round(steps)) < 1e-7
    )
  }

  /**
   * The trade server's stop rules (mt5-semantics.md 3.8): levels on the right side of the
   * closing price (a long closes at Bid, a short at Ask), at least the stops level away, on the
   * tick grid.
   */
  private validStops(side: number, sl: number, tp: number): boolean {
    const { point, stopsLevel, tickSize } = this.spec
    const closePrice = side > 0 ? this.quote.bid : this.quote.ask
    const ok = (level: number, direction: number) => {
      if (level === 0) return true
      const onGrid = Math.abs(level / tickSize - Math.round(level / tickSize)) < 1e-6
      const distance = direction * (level - closePrice)
      return onGrid && distance > 0 && distance + point * 1e-6 >= stopsLevel * point
    }
    return ok(sl, -side) && ok(tp, side)
  }
}
