import type { Bars } from '../bars'
import type { ResolvedConfig } from '../engine/config'
import type { OrderIntent } from '../engine/strategy'
import type { ExitReason, OpenPosition, OrderAction, RefusedOrder, Trade } from '../engine/result'
import { dealCommission } from './commission'
import { marketBuyPrice, marketSellPrice } from './fill-rules'
import {
  addToPosition,
  blankExit,
  blankPosition,
  isManaged,
  openPosition,
  toOpenPosition,
  toTrade,
} from './position'
import type { Position } from './position'
import { blankDeal } from './deal'
import type { BrokerDeal } from './deal'
import { OrderQueue } from './order-queue'
import type { PendingOrder } from './order-queue'
import { blankEntry, blankFill, prepareEntry } from './prepare-entry'
import type { EntryFill } from './prepare-entry'
import { blankBarPrices, findBarExit } from './stop-checks'
import { normalizePrice, priceMoveValue, roundTo } from '../symbols/symbol-spec'
import type { SymbolSpec } from '../symbols/symbol-spec'

/**
 * @internal The simulated broker: queued market orders, open positions, the balance. Every rule
 * it applies is a named function in `fill-rules.ts`, `levels.ts`, `sizing.ts`, `trailing.ts`,
 * `stop-checks.ts` and `commission.ts`. Orders, positions and scratch records are reused, so the
 * hot loop allocates nothing but the Trade records it returns.
 */
export class Broker {
  balance: number
  /** Signed net volume: > 0 long, < 0 short. */
  netVolume = 0
  readonly positions: Position[] = []
  readonly trades: Trade[] = []
  readonly refused: RefusedOrder[] = []
  /**
   * Told of every deal as it is booked (the live session turns them into deal reports); null in
   * backtests. The record is reused: copy what you keep.
   */
  onDeal: ((deal: BrokerDeal) => void) | null = null
  /**
   * While set, new entries are not queued (a halted live deployment: exits and stops go on);
   * they are counted in {@link blockedEntries}, not listed as refused, because level-based
   * signals repeat on every bar.
   */
  entriesBlocked = false
  blockedEntries = 0
  private readonly spec: SymbolSpec
  private readonly point: number
  /** Money per unit of price per lot: tickValue / tickSize. */
  private readonly valuePerPrice: number
  private readonly orders = new OrderQueue()
  private readonly freePositions: Position[] = []
  private managedCount = 0
  private nextId = 1
  /** Spread (points) of the current bar after the substitution rule of {@link updateSpread}. */
  private spreadPoints: number
  /** `config.spread` is a number: {@link spreadPoints} never changes. */
  private readonly fixedSpread: boolean
  private readonly spreads: Float64Array
  private readonly entry = blankEntry()
  private readonly fill: EntryFill
  private readonly exit = blankExit()
  private readonly bar = blankBarPrices()
  private readonly deal = blankDeal()

  constructor(
    private readonly bars: Bars,
    private readonly cfg: ResolvedConfig,
    private readonly warmupBars: number,
  ) {
    this.spec = cfg.symbol
    this.point = cfg.symbol.point
    this.valuePerPrice = cfg.symbol.tickValue / cfg.symbol.tickSize
    this.balance = cfg.initialCash
    this.fixedSpread = cfg.spread !== 'data'
    this.spreadPoints = cfg.spread === 'data' ? cfg.symbol.typicalSpread : cfg.spread
    this.spreads = bars.spread
    this.fill = blankFill(cfg.sizing, cfg.symbol)
  }

  /** Queues an order decided on bar `barIndex`'s close; it fills at the next bar's open. */
  place(action: OrderAction, intent: OrderIntent | undefined, barIndex: number): void {
    if (this.entriesBlocked && (action === 'enterLong' || action === 'enterShort')) {
      this.blockedEntries++
      return
    }
    if (barIndex < this.warmupBars) {
      this.refuse(barIndex, action, intent, `placed during warm-up (first ${this.warmupBars} bars)`)
      return
    }
    this.orders.push(action, intent, barIndex)
  }

  /**
   * Everything that happens at bar `i`'s open and inside it, before the strategy sees its close:
   * queued orders fill, then stops trail and stop losses and take profits are checked.
   */
  openBar(i: number): void {
    this.updateSpread(i)
    if (this.orders.count > 0) this.fillOrders(i)
    if (this.managedCount > 0) this.checkStops(i)
  }

  /**
   * Sets the spread in points of bar `i` (mt5-semantics.md 6.2): the bar's own when positive; MT5 exports
   * 0 when unknown, and the tester then uses the last known spread; before any, the symbol's
   * typical spread. A fixed `config.spread` replaces all of this, like the tester's fixed spread.
   */
  private updateSpread(i: number): void {
    // A field, not a return value: a double returned from a call may be boxed on every bar.
    if (this.fixedSpread) return
    const s = this.spreads[i]!
    if (s > 0) this.spreadPoints = s
  }

  /**
   * Writes equity at bar `i`'s close into `equity[i]`, in cents as MT5 shows it: longs valued at
   * Bid, shorts at Ask (= close + spread).
   */
  markToMarket(i: number, equity: Float64Array): void {
    const positions = this.positions
    if (positions.length === 0) {
      equity[i] = this.balance
      return
    }
    const bid = this.bars.close[i]!
    let floating: number
    if (positions.length === 1) {
      // The common case (netting), without the loop.
      const p = positions[0]!
      const move =
        p.side > 0 ? bid - p.entryPrice : p.entryPrice - bid - this.spreadPoints * this.point
      floating = move * p.volume * this.valuePerPrice
    } else {
      floating = this.floating(bid, bid + this.spreadPoints * this.point)
    }
    equity[i] = Math.round((this.balance + floating) * 100) / 100
  }

  /**
   * Ends the run at bar `last`: refuses orders nobody can fill any more, closes what is open at
   * the last close (always after an equity stop, else when `closeAtEnd`), and writes the final
   * equity into `equity[last]`.
   */
  finish(last: number, equityDepleted: boolean, equity: Float64Array): void {
    const why = equityDepleted
      ? 'the run stopped: equity fell to zero or below'
      : 'placed on the last bar: there is no next bar to fill it at'
    for (let k = 0; k < this.orders.count; k++) {
      const o = this.orders.at(k)
      this.refuse(o.barIndex, o.action, o.intent, why)
    }
    this.orders.clear()
    if (equityDepleted || this.cfg.closeAtEnd) {
      const reason: ExitReason = equityDepleted ? 'equity-depleted' : 'end-of-data'
      this.closeAllAt(last, this.bars.close[last]!, reason)
    }
    this.markToMarket(last, equity)
  }

  /**
   * Closes every open position at market after bar `i`'s close, newest first, each by its own
   * deal: longs sell at `bid`, shorts buy at Ask (`bid` + the bar's spread), no slippage, as the
   * end of a run does (and a live `close_all` between bars).
   */
  closeAllAt(i: number, bid: number, reason: ExitReason): void {
    const ask = normalizePrice(bid + this.spreadPoints * this.spec.point, this.spec)
    while (this.positions.length > 0) {
      const p = this.positions[this.positions.length - 1]!
      this.close(this.positions.length - 1, i, p.side > 0 ? bid : ask, reason, NaN, false, true)
    }
  }

  /**
   * Refuses the entries still queued for the next open, with `reason` (a live deployment halted
   * or told to close everything before they filled); queued exits stay.
   */
  dropQueuedEntries(reason: string): void {
    this.orders.removeWhere(
      (o) => o.action === 'enterLong' || o.action === 'enterShort',
      (o) => this.refuse(o.barIndex, o.action, o.intent, reason),
    )
  }

  /** The spread in points the broker applies now (the current bar's, after substitution). */
  get currentSpreadPoints(): number {
    return this.spreadPoints
  }

  /** Positions still open (only with `closeAtEnd: false`), valued at bar `last`'s close. */
  openPositions(last: number): OpenPosition[] {
    const bid = this.bars.close[last]!
    const ask = normalizePrice(bid + this.spreadPoints * this.spec.point, this.spec)
    return this.positions.map((p) => toOpenPosition(p, bid, ask, this.spec))
  }

  private floating(bid: number, ask: number): number {
    const positions = this.positions
    let sum = 0
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k]!
      sum += (p.side > 0 ? bid - p.entryPrice : p.entryPrice - ask) * p.volume
    }
    return sum * this.valuePerPrice
  }

  private fillOrders(i: number): void {
    // Orders fill in the order the strategy placed them, so "exit, then enter short" works.
    for (let k = 0; k < this.orders.count; k++) {
      const o = this.orders.at(k)
      const action = o.action
      if (action === 'enterLong') this.enter(1, o, i)
      else if (action === 'enterShort') this.enter(-1, o, i)
      else {
        if (action !== 'exitShort') this.closeSide(1, i, 'signal')
        if (action !== 'exitLong') this.closeSide(-1, i, 'signal')
      }
    }
    this.orders.clear()
  }

  /** Market price at bar `i`'s open for a deal on `side` (1 buys at Ask, −1 sells at Bid). */
  private marketPrice(side: number, i: number): number {
    const open = this.bars.open[i]!
    return side > 0
      ? marketBuyPrice(open, this.spreadPoints, this.cfg.slippage, this.spec)
      : marketSellPrice(open, this.cfg.slippage, this.spec)
  }

  /** Closes every position on `side` at bar `i`'s open, each by its own deal (hedging: by ticket). */
  private closeSide(side: number, i: number, reason: ExitReason): void {
    let price = NaN
    for (let k = this.positions.length - 1; k >= 0; k--) {
      if (this.positions[k]!.side !== side) continue
      if (price !== price) price = this.marketPrice(-side, i)
      this.close(k, i, price, reason, NaN, false, false)
    }
  }

  /**
   * An entry on `side` at bar `i`'s open under the account's netting/hedging rules
   * (mt5-semantics.md 3.7 and 6.4 step 3).
   */
  private enter(side: number, o: PendingOrder, i: number): void {
    let opposite = 0
    let same = 0
    for (let k = 0; k < this.positions.length; k++) {
      const p = this.positions[k]!
      if (p.side === side) same += p.entries
      else opposite++
    }
    const mode = this.cfg.oppositeSignal
    if (opposite > 0 && mode === 'close') {
      this.closeSide(-side, i, 'signal')
      return
    }
    const reversing = opposite > 0 && mode === 'reverse'
    // An entry while a same-side position is open is ignored beyond the pyramiding limit, like
    // an EA that only enters when flat. Not reported: level-based signals repeat on every bar.
    if (!reversing && same >= this.cfg.pyramiding) return

    const price = this.marketPrice(side, i)
    const refusal = this.prepare(side, o, i, price)
    const volume = refusal === null ? this.entry.volume : 0
    let commission = dealCommission(this.cfg.commission, volume, price, this.spec)
    if (reversing) commission = this.closeForReversal(side, i, price, volume, commission)
    if (refusal !== null) {
      this.refuse(o.barIndex, o.action, o.intent, refusal)
      return
    }
    this.open(side, i, price, commission, o.intent?.tag)
  }

  /**
   * Closes the positions opposite to a reversing entry. Netting: one deal carries both the
   * closing and the opening volume, and its commission is split by volume; hedging: each
   * position is closed by its own deal (mt5-semantics.md 6.4 step 3). Returns the commission the
   * opening part pays.
   */
  private closeForReversal(
    side: number,
    i: number,
    price: number,
    newVolume: number,
    openingCommission: number,
  ): number {
    if (this.cfg.accountMode === 'hedging') {
      this.closeSide(-side, i, 'reverse')
      return openingCommission
    }
    const p = this.positions[0]! // netting holds one position, opposite when reversing
    const total = dealCommission(this.cfg.commission, p.volume + newVolume, price, this.spec)
    const closingShare = roundTo((total * p.volume) / (p.volume + newVolume), 2)
    this.close(0, i, price, 'reverse', closingShare, false, false)
    return roundTo(total - closingShare, 2)
  }

  /** Resolves stops and size of an entry into `this.entry`; returns why it is refused, or null. */
  private prepare(side: number, o: PendingOrder, i: number, price: number): string | null {
    const f = this.fill
    const open = this.bars.open[i]!
    f.intent = o.intent
    f.side = side
    f.price = price
    f.closePrice =
      side > 0 ? open : normalizePrice(open + this.spreadPoints * this.spec.point, this.spec)
    f.equity = this.equityAtOpen(i)
    f.atr = this.cfg.atr === null ? NaN : this.cfg.atr(o.barIndex)
    const refusal = prepareEntry(f, this.entry)
    f.intent = undefined
    return refusal
  }

  /** Equity at bar `i`'s open, what an EA reads from ACCOUNT_EQUITY on that tick. */
  private equityAtOpen(i: number): number {
    if (this.positions.length === 0) return this.balance
    const bid = this.bars.open[i]!
    return this.balance + this.floating(bid, bid + this.spreadPoints * this.spec.point)
  }

  /** Books an entry deal from `this.entry`: a new position, or an addition in netting. */
  private open(side: number, i: number, price: number, commission: number, tag?: string): void {
    const e = this.entry
    this.balance = roundTo(this.balance - commission, 2)
    this.netVolume = roundTo(this.netVolume + side * e.volume, 8)
    const existing = this.cfg.accountMode === 'netting' ? this.positions[0] : undefined
    if (existing !== undefined) {
      const wasManaged = isManaged(existing)
      addToPosition(existing, e, price, commission, this.spec)
      if (!wasManaged && isManaged(existing)) this.managedCount++
      if (this.onDeal !== null)
        this.emitDeal('in', existing.id, side, e.volume, price, commission, 0, null, i)
      return
    }
    const p = this.freePositions.pop() ?? blankPosition()
    const time = this.bars.time[i]!
    openPosition(p, this.nextId++, side, e, i, time, price, commission, tag)
    this.positions.push(p)
    if (isManaged(p)) this.managedCount++
    if (this.onDeal !== null)
      this.emitDeal('in', p.id, side, e.volume, price, commission, 0, null, i)
  }

  /** Fills the reused deal record and hands it to {@link onDeal}. */
  private emitDeal(
    entry: BrokerDeal['entry'],
    positionId: number,
    side: number,
    volume: number,
    price: number,
    commission: number,
    gross: number,
    exitReason: ExitReason | null,
    i: number,
  ): void {
    const d = this.deal
    d.entry = entry
    d.positionId = positionId
    d.side = side
    d.volume = volume
    d.price = price
    d.commission = commission
    d.gross = gross
    d.exitReason = exitReason
    d.barIndex = i
    d.spreadPoints = this.spreadPoints
    d.slippagePoints = this.cfg.slippage
    this.onDeal!(d)
  }

  /** Trails, moves to break-even, then checks stop loss and take profit inside bar `i`. */
  private checkStops(i: number): void {
    const bar = this.bar
    bar.openBid = this.bars.open[i]!
    bar.highBid = this.bars.high[i]!
    bar.lowBid = this.bars.low[i]!
    bar.spread = this.spreadPoints * this.spec.point
    bar.slippage = this.cfg.slippage * this.spec.point
    const x = this.exit
    for (let k = this.positions.length - 1; k >= 0; k--) {
      if (!findBarExit(this.positions[k]!, bar, this.spec, x)) continue
      this.close(k, i, x.price, x.reason, NaN, x.ambiguous, false)
    }
  }

  /**
   * Books the closing deal of position `k` at `price` and records the trade. `commission` NaN
   * means "one deal for this position's volume".
   */
  private close(
    k: number,
    i: number,
    price: number,
    reason: ExitReason,
    commission: number,
    ambiguous: boolean,
    atClose: boolean,
  ): void {
    const p = this.positions[k]!
    const spec = this.spec
    const x = this.exit
    x.index = i
    x.time = this.bars.time[i]!
    x.price = price
    x.reason = reason
    x.commission =
      commission === commission
        ? commission
        : dealCommission(this.cfg.commission, p.volume, price, spec)
    x.gross = priceMoveValue(p.side * (price - p.entryPrice), p.volume, spec)
    x.ambiguous = ambiguous
    x.atClose = atClose
    this.balance = roundTo(this.balance + x.gross - x.commission, 2)
    this.netVolume = roundTo(this.netVolume - p.side * p.volume, 8)
    this.trades.push(toTrade(p, x))
    if (this.onDeal !== null) {
      this.emitDeal('out', p.id, -p.side, p.volume, price, x.commission, x.gross, reason, i)
    }
    if (isManaged(p)) this.managedCount--
    if (k === this.positions.length - 1) this.positions.pop()
    else this.positions.splice(k, 1)
    this.freePositions.push(p)
  }

  private refuse(
    barIndex: number,
    action: OrderAction,
    intent: OrderIntent | undefined,
    reason: string,
  ): void {
    this.refused.push({
      barIndex,
      time: this.bars.time[barIndex]!,
      action,
      reason,
      tag: intent?.tag,
    })
  }
}
