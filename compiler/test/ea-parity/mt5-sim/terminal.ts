import { mql5Runtime } from '../../mql5-parity/mql5-runtime'
import { SimCTrade } from './ctrade'
import { doubleToString, formatMql5, printValue } from './format'
import type { TypedArg } from './format'
import { constant, enumMemberName, MT5_CONSTANTS } from './mt5-constants'
import type { TerminalState } from './terminal-state'
import { checkSymbol, selected, selectPosition, simFail } from './terminal-state'

const C = MT5_CONSTANTS as Readonly<Record<string, number>>

/** Index of the bar with open time `time` among bars 0..last, or -1. */
function findBar(times: Float64Array, last: number, time: number): number {
  let lo = 0
  let hi = last
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const t = times[mid]!
    if (t === time) return mid
    if (t < time) lo = mid + 1
    else hi = mid - 1
  }
  return -lo - 1 // -(insertion point) - 1
}

/**
 * The terminal's built-in functions and predefined variables for one test, in the Strategy
 * Tester's "Open prices only" view of the bars (mt5-semantics.md 6.1–6.3): bar `c` is forming,
 * only its open is known (series shift 0 has open = high = low = close), bars before it are
 * closed and served whole; Bid/Ask are the current tick's. Everything else throws, naming it.
 */
export function createTerminal(state: TerminalState): Record<string, unknown> {
  const { account, bars, spec } = state
  const current = () => account.quote.bar
  const checkSeries = (symbol: string, timeframe: number) => {
    checkSymbol(state, symbol)
    if (timeframe !== state.period && timeframe !== 0)
      simFail(`timeframe ${timeframe} requested; only ${state.period} is simulated`)
  }
  const rates = (i: number) => {
    const forming = i === current()
    const open = bars.open[i]!
    return mql5Runtime.$struct('MqlRates', {
      time: bars.time[i]!,
      open,
      high: forming ? open : bars.high[i]!,
      low: forming ? open : bars.low[i]!,
      close: forming ? open : bars.close[i]!,
      tick_volume: forming ? 1 : bars.tickVolume[i]!,
      spread: state.spreads[i]!,
      real_volume: 0,
    })
  }
  const log = (text: string) => state.log.push({ bar: account.quote.bar, text })
  return {
    _Symbol: spec.name,
    _Period: state.period,
    _Point: spec.point,
    _Digits: spec.digits,
    $new_CTrade: () => new SimCTrade(state),
    SymbolInfoDouble(symbol: string, property: number): number {
      checkSymbol(state, symbol)
      switch (property) {
        case C.SYMBOL_BID:
          return account.quote.bid
        case C.SYMBOL_ASK:
          return account.quote.ask
        case C.SYMBOL_POINT:
          return spec.point
        case C.SYMBOL_TRADE_TICK_SIZE:
          return spec.tickSize
        case C.SYMBOL_TRADE_TICK_VALUE:
        case C.SYMBOL_TRADE_TICK_VALUE_PROFIT:
        case C.SYMBOL_TRADE_TICK_VALUE_LOSS:
          return spec.tickValue
        case C.SYMBOL_TRADE_CONTRACT_SIZE:
          return spec.contractSize
        case C.SYMBOL_VOLUME_MIN:
          return spec.volumeMin
        case C.SYMBOL_VOLUME_MAX:
          return spec.volumeMax
        case C.SYMBOL_VOLUME_STEP:
          return spec.volumeStep
      }
      return simFail(`SymbolInfoDouble property ${property} is not modelled`)
    },
    SymbolInfoInteger(symbol: string, property: number): number {
      checkSymbol(state, symbol)
      switch (property) {
        case C.SYMBOL_DIGITS:
          return spec.digits
        case C.SYMBOL_SPREAD:
          return state.spreads[current()]!
        case C.SYMBOL_SPREAD_FLOAT:
          return 1 // always floating in the tester (mt5-semantics.md 6.2)
        case C.SYMBOL_TRADE_STOPS_LEVEL:
          return spec.stopsLevel
        case C.SYMBOL_TRADE_FREEZE_LEVEL:
          return 0
        case C.SYMBOL_FILLING_MODE:
          return 3 // SYMBOL_FILLING_FOK | SYMBOL_FILLING_IOC
      }
      return simFail(`SymbolInfoInteger property ${property} is not modelled`)
    },
    AccountInfoDouble(property: number): number {
      if (property === C.ACCOUNT_BALANCE) return account.balance
      if (property === C.ACCOUNT_EQUITY) return account.equity()
      if (property === C.ACCOUNT_PROFIT) return account.equity() - account.balance
      return simFail(`AccountInfoDouble property ${property} is not modelled`)
    },
    AccountInfoInteger(property: number): number {
      if (property === C.ACCOUNT_MARGIN_MODE)
        return account.hedging
          ? constant('ACCOUNT_MARGIN_MODE_RETAIL_HEDGING')
          : constant('ACCOUNT_MARGIN_MODE_RETAIL_NETTING')
      return simFail(`AccountInfoInteger property ${property} is not modelled`)
    },
    ArraySetAsSeries(_array: unknown[], asSeries: boolean): boolean {
      if (asSeries) simFail('series-ordered arrays are not modelled')
      return true
    },
    /** Bars from shift `start` back over `count` bars, oldest first (a non-series array). */
    CopyRates(symbol: string, timeframe: number, start: number, count: number, out: unknown[]) {
      checkSeries(symbol, timeframe)
      const newest = current() - start
      const oldest = Math.max(0, newest - count + 1)
      if (start < 0 || count <= 0 || newest < 0) {
        state.lastError = 4401 // ERR_HISTORY_NOT_FOUND
        return -1
      }
      out.length = 0
      for (let i = oldest; i <= newest; i++) out.push(rates(i))
      return out.length
    },
    iTime(symbol: string, timeframe: number, shift: number): number {
      checkSeries(symbol, timeframe)
      const i = current() - shift
      return i >= 0 && shift >= 0 ? bars.time[i]! : 0
    },
    iBarShift(symbol: string, timeframe: number, time: number, exact = false): number {
      checkSeries(symbol, timeframe)
      const found = findBar(bars.time, current(), time)
      if (found >= 0) return current() - found
      if (exact) return -1
      const before = -found - 2 // the last bar opened before `time`
      return before >= 0 ? current() - before : -1
    },
    TimeCurrent: () => account.quote.time,
    PositionsTotal: () => account.positions.length,
    PositionGetTicket(index: number): number {
      const p = account.positions[index]
      if (!p) {
        state.lastError = 4753
        return 0
      }
      selectPosition(state, p.ticket)
      return p.ticket
    },
    PositionSelectByTicket: (ticket: number) => selectPosition(state, ticket),
    PositionGetDouble(property: number): number {
      const p = selected(state, 'PositionGetDouble')
      if (property === C.POSITION_VOLUME) return p.volume
      if (property === C.POSITION_PRICE_OPEN) return p.priceOpen
      if (property === C.POSITION_SL) return p.sl
      if (property === C.POSITION_TP) return p.tp
      if (property === C.POSITION_PRICE_CURRENT) return p.priceCurrent
      if (property === C.POSITION_PROFIT) return p.profit
      return simFail(`PositionGetDouble property ${property} is not modelled`)
    },
    PositionGetInteger(property: number): number {
      const p = selected(state, 'PositionGetInteger')
      if (property === C.POSITION_TICKET || property === C.POSITION_IDENTIFIER) return p.ticket
      if (property === C.POSITION_TYPE)
        return p.side > 0 ? constant('POSITION_TYPE_BUY') : constant('POSITION_TYPE_SELL')
      if (property === C.POSITION_MAGIC) return p.magic
      if (property === C.POSITION_TIME) return p.time
      return simFail(`PositionGetInteger property ${property} is not modelled`)
    },
    PositionGetString(property: number): string {
      const p = selected(state, 'PositionGetString')
      if (property === C.POSITION_SYMBOL) return spec.name
      if (property === C.POSITION_COMMENT) return p.comment
      return simFail(`PositionGetString property ${property} is not modelled`)
    },
    MQLInfoInteger(property: number): number {
      if (property === C.MQL_TESTER || property === C.MQL_TRADE_ALLOWED) return 1
      if (property === C.MQL_OPTIMIZATION || property === C.MQL_VISUAL_MODE) return 0
      return simFail(`MQLInfoInteger property ${property} is not modelled`)
    },
    MQLInfoString(property: number): string {
      if (property === C.MQL_PROGRAM_NAME) return state.programName
      return simFail(`MQLInfoString property ${property} is not modelled`)
    },
    EnumToString: (enumName: string, value: number) => enumMemberName(enumName, value),
    DoubleToString: doubleToString,
    GetLastError: () => state.lastError,
    ResetLastError: () => {
      state.lastError = 0
    },
    Print: (...args: TypedArg[]) => log(args.map(printValue).join('')),
    PrintFormat: (format: string, ...args: TypedArg[]) => log(formatMql5(format, args)),
    StringFormat: (format: string, ...args: TypedArg[]) => formatMql5(format, args),
  }
}
