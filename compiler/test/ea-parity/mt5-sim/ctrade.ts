import type { TradeResult } from './account'
import { constant } from './mt5-constants'
import type { TerminalState } from './terminal-state'
import { checkSymbol, selectPosition, simFail } from './terminal-state'

const DONE = constant('TRADE_RETCODE_DONE')
const NO_RESULT: TradeResult = { retcode: 0, order: 0, deal: 0, price: 0, volume: 0 }

/** CTrade::FormatRetcode's texts for the codes the simulator answers. */
const DESCRIPTIONS: Readonly<Record<number, string>> = {
  0: 'no error',
  [constant('TRADE_RETCODE_DONE')]: 'done',
  [constant('TRADE_RETCODE_INVALID_VOLUME')]: 'invalid volume',
  [constant('TRADE_RETCODE_INVALID_STOPS')]: 'invalid stops',
  [constant('TRADE_RETCODE_NO_CHANGES')]: 'no changes',
  [constant('TRADE_RETCODE_POSITION_CLOSED')]: 'position closed',
}

/**
 * The standard library's `CTrade` (`<Trade\Trade.mqh>`), the methods our EAs call, over the
 * simulated account. As in MetaQuotes' class, each request starts by clearing the last result,
 * `Buy`/`Sell` with price 0 take the current Ask/Bid, and `PositionClose`/`PositionModify` by
 * ticket select the position first (which changes the program's selected position too). A
 * method returns true only when the server answered TRADE_RETCODE_DONE.
 */
export class SimCTrade {
  private magic = 0
  private deviation = 10
  private result: TradeResult = NO_RESULT

  constructor(private readonly state: TerminalState) {}

  SetExpertMagicNumber(magic: number): void {
    this.magic = magic
  }

  SetDeviationInPoints(points: number): void {
    this.deviation = points // no slippage in the tester ("zero latency"), so never used
  }

  /** The simulated EURUSD allows FOK and IOC (SYMBOL_FILLING_MODE 3), so this succeeds. */
  SetTypeFillingBySymbol(symbol: string): boolean {
    checkSymbol(this.state, symbol)
    return true
  }

  SetMarginMode(): void {}

  Buy(volume: number, symbol?: string, price = 0, sl = 0, tp = 0, comment = ''): boolean {
    return this.market(1, volume, symbol, price, sl, tp, comment)
  }

  Sell(volume: number, symbol?: string, price = 0, sl = 0, tp = 0, comment = ''): boolean {
    return this.market(-1, volume, symbol, price, sl, tp, comment)
  }

  PositionClose(ticket: number, _deviation?: number): boolean {
    this.result = NO_RESULT
    if (!selectPosition(this.state, ticket)) return false
    this.result = this.state.account.closeByExpert(ticket)
    return this.done()
  }

  PositionModify(ticket: number, sl: number, tp: number): boolean {
    this.result = NO_RESULT
    if (!selectPosition(this.state, ticket)) return false
    const retcode = this.state.account.modify(ticket, sl, tp)
    this.result = { ...NO_RESULT, retcode }
    return this.done()
  }

  ResultRetcode(): number {
    return this.result.retcode
  }

  ResultRetcodeDescription(): string {
    return DESCRIPTIONS[this.result.retcode] ?? `unknown retcode ${this.result.retcode}`
  }

  ResultOrder(): number {
    return this.result.order
  }

  ResultDeal(): number {
    return this.result.deal
  }

  ResultPrice(): number {
    return this.result.price
  }

  ResultVolume(): number {
    return this.result.volume
  }

  private market(
    side: number,
    volume: number,
    symbol: string | undefined,
    price: number,
    sl: number,
    tp: number,
    comment: string,
  ): boolean {
    this.result = NO_RESULT
    checkSymbol(this.state, symbol)
    if (price !== 0) simFail('a market order with an explicit price is not modelled')
    this.result = this.state.account.marketOrder(side, volume, sl, tp, this.magic, comment)
    return this.done()
  }

  private done(): boolean {
    return this.result.retcode === DONE
  }
}
