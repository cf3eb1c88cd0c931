import type { Mql5Environment, Mql5Signature } from '../../mql5-parity/mql5-environment'
import { extendEnvironment, MATH_ENVIRONMENT, sig } from '../../mql5-parity/mql5-environment'
import { MT5_CONSTANT_ROWS } from './mt5-constants'

const printing = (returns: string, params: readonly string[]): Mql5Signature[] => [
  { returns, params, variadic: true },
]

/**
 * What a generated Expert Advisor may use of MetaTrader 5, typed for the translator: exactly the
 * terminal functions, `CTrade` methods, `MqlRates` and constants the simulator implements
 * (./terminal.ts, ./ctrade.ts). A call to anything else fails translation, naming it.
 * Parameter lists follow the MQL5 reference; only the overloads our EAs use are listed.
 */
export const MT5_ENVIRONMENT: Mql5Environment = extendEnvironment(MATH_ENVIRONMENT, {
  functions: {
    AccountInfoDouble: sig('double', ['int']),
    AccountInfoInteger: sig('long', ['int']),
    ArraySetAsSeries: sig('bool', ['array', 'bool']),
    CopyRates: sig('int', ['string', 'int', 'int', 'int', 'struct:MqlRates[]']),
    DoubleToString: sig('string', ['double', 'int'], 1),
    EnumToString: sig('string', ['int']),
    GetLastError: sig('int'),
    ResetLastError: sig('void'),
    MQLInfoInteger: sig('int', ['int']),
    MQLInfoString: sig('string', ['int']),
    PositionGetDouble: sig('double', ['int']),
    PositionGetInteger: sig('long', ['int']),
    PositionGetString: sig('string', ['int']),
    PositionGetTicket: sig('ulong', ['int']),
    PositionSelectByTicket: sig('bool', ['ulong']),
    PositionsTotal: sig('int'),
    Print: printing('void', []),
    PrintFormat: printing('void', ['string']),
    StringFormat: printing('string', ['string']),
    SymbolInfoDouble: sig('double', ['string', 'int']),
    SymbolInfoInteger: sig('long', ['string', 'int']),
    TimeCurrent: sig('long'),
    iBarShift: sig('int', ['string', 'int', 'long', 'bool'], 1),
    iTime: sig('long', ['string', 'int', 'int']),
  },
  constants: {
    ...Object.fromEntries(
      MT5_CONSTANT_ROWS.map(([name, type, , enumName]) => [name, { type, enumName }]),
    ),
    _Symbol: { type: 'string' },
    _Period: { type: 'int', enumName: 'ENUM_TIMEFRAMES' },
    _Point: { type: 'double' },
    _Digits: { type: 'int' },
  },
  structs: {
    MqlRates: {
      time: 'long',
      open: 'double',
      high: 'double',
      low: 'double',
      close: 'double',
      tick_volume: 'long',
      spread: 'int',
      real_volume: 'long',
    },
  },
  classes: {
    CTrade: {
      SetExpertMagicNumber: sig('void', ['ulong']),
      SetDeviationInPoints: sig('void', ['ulong']),
      SetTypeFillingBySymbol: sig('bool', ['string']),
      SetMarginMode: sig('void'),
      // Buy/Sell(volume, symbol = NULL, price = 0, sl = 0, tp = 0, comment = "")
      Buy: sig('bool', ['double', 'string', 'double', 'double', 'double', 'string'], 5),
      Sell: sig('bool', ['double', 'string', 'double', 'double', 'double', 'string'], 5),
      // By ticket only: the by-symbol overloads are not used and not modelled.
      PositionClose: sig('bool', ['ulong', 'ulong'], 1),
      PositionModify: sig('bool', ['ulong', 'double', 'double']),
      ResultRetcode: sig('uint'),
      ResultRetcodeDescription: sig('string'),
      ResultOrder: sig('ulong'),
      ResultDeal: sig('ulong'),
      ResultPrice: sig('double'),
      ResultVolume: sig('double'),
    },
  },
  includes: ['Trade\\Trade.mqh'],
})
