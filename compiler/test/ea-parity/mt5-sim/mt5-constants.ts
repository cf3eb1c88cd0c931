import type { Mql5Type } from '../../mql5-parity/mql5-program'

/** One constant: name, translator type, value and, for enum members, the enum. */
type Row = readonly [name: string, type: Mql5Type, value: number, enumName?: string]

/** Members of one enum, numbered from `first` unless a value is given. */
function members(
  enumName: string,
  names: readonly (string | [string, number])[],
  first = 0,
): Row[] {
  return names.map((entry, i) =>
    typeof entry === 'string'
      ? ([entry, 'int', first + i, enumName] as const)
      : ([entry[0], 'int', entry[1], enumName] as const),
  )
}

/**
 * The constants the generated EAs name. Values the EA compares, stores or that a trader would
 * see are MetaTrader 5's documented ones (position types, margin modes, trade return codes from
 * mt5-semantics.md 3.9, init return codes, timeframes). Property identifiers (`SYMBOL_BID`,
 * `POSITION_SL`, ...) are only ever passed back to the terminal, so they carry the simulator's
 * own numbers: only their identity matters, and they are numbered apart from each other.
 */
export const MT5_CONSTANT_ROWS: readonly Row[] = [
  ...members('ENUM_POSITION_TYPE', ['POSITION_TYPE_BUY', 'POSITION_TYPE_SELL']),
  ...members('ENUM_ACCOUNT_MARGIN_MODE', [
    'ACCOUNT_MARGIN_MODE_RETAIL_NETTING',
    'ACCOUNT_MARGIN_MODE_EXCHANGE',
    'ACCOUNT_MARGIN_MODE_RETAIL_HEDGING',
  ]),
  ...members('ENUM_INIT_RETCODE', [
    ['INIT_SUCCEEDED', 0],
    ['INIT_FAILED', 1],
    ['INIT_PARAMETERS_INCORRECT', 32767],
    ['INIT_AGENT_NOT_SUITABLE', 32766],
  ]),
  ...members('ENUM_TIMEFRAMES', [
    ['PERIOD_M1', 1],
    ['PERIOD_M5', 5],
    ['PERIOD_M15', 15],
    ['PERIOD_M30', 30],
    ['PERIOD_H1', 16385],
    ['PERIOD_H4', 16388],
    ['PERIOD_D1', 16408],
    ['PERIOD_W1', 32769],
    ['PERIOD_MN1', 49153],
  ]),
  ...(
    [
      ['TRADE_RETCODE_REQUOTE', 10004],
      ['TRADE_RETCODE_REJECT', 10006],
      ['TRADE_RETCODE_PLACED', 10008],
      ['TRADE_RETCODE_DONE', 10009],
      ['TRADE_RETCODE_DONE_PARTIAL', 10010],
      ['TRADE_RETCODE_ERROR', 10011],
      ['TRADE_RETCODE_TIMEOUT', 10012],
      ['TRADE_RETCODE_INVALID', 10013],
      ['TRADE_RETCODE_INVALID_VOLUME', 10014],
      ['TRADE_RETCODE_INVALID_PRICE', 10015],
      ['TRADE_RETCODE_INVALID_STOPS', 10016],
      ['TRADE_RETCODE_MARKET_CLOSED', 10018],
      ['TRADE_RETCODE_NO_MONEY', 10019],
      ['TRADE_RETCODE_PRICE_CHANGED', 10020],
      ['TRADE_RETCODE_PRICE_OFF', 10021],
      ['TRADE_RETCODE_TOO_MANY_REQUESTS', 10024],
      ['TRADE_RETCODE_NO_CHANGES', 10025],
      ['TRADE_RETCODE_CONNECTION', 10031],
      ['TRADE_RETCODE_POSITION_CLOSED', 10036],
    ] as const
  ).map(([name, value]) => [name, 'int', value] as const),
  // Property identifiers: the simulator's own numbers (see above), 1000 apart per function.
  ...members(
    'ENUM_SYMBOL_INFO_DOUBLE',
    [
      'SYMBOL_BID',
      'SYMBOL_ASK',
      'SYMBOL_POINT',
      'SYMBOL_TRADE_TICK_SIZE',
      'SYMBOL_TRADE_TICK_VALUE',
      'SYMBOL_TRADE_TICK_VALUE_PROFIT',
      'SYMBOL_TRADE_TICK_VALUE_LOSS',
      'SYMBOL_TRADE_CONTRACT_SIZE',
      'SYMBOL_VOLUME_MIN',
      'SYMBOL_VOLUME_MAX',
      'SYMBOL_VOLUME_STEP',
    ],
    1000,
  ),
  ...members(
    'ENUM_SYMBOL_INFO_INTEGER',
    [
      'SYMBOL_DIGITS',
      'SYMBOL_SPREAD',
      'SYMBOL_SPREAD_FLOAT',
      'SYMBOL_TRADE_STOPS_LEVEL',
      'SYMBOL_TRADE_FREEZE_LEVEL',
      'SYMBOL_FILLING_MODE',
    ],
    2000,
  ),
  ...members(
    'ENUM_ACCOUNT_INFO_DOUBLE',
    ['ACCOUNT_BALANCE', 'ACCOUNT_EQUITY', 'ACCOUNT_PROFIT'],
    3000,
  ),
  ...members('ENUM_ACCOUNT_INFO_INTEGER', ['ACCOUNT_MARGIN_MODE', 'ACCOUNT_LOGIN'], 4000),
  ...members(
    'ENUM_POSITION_PROPERTY_DOUBLE',
    [
      'POSITION_VOLUME',
      'POSITION_PRICE_OPEN',
      'POSITION_SL',
      'POSITION_TP',
      'POSITION_PRICE_CURRENT',
      'POSITION_PROFIT',
    ],
    5000,
  ),
  ...members(
    'ENUM_POSITION_PROPERTY_INTEGER',
    ['POSITION_TICKET', 'POSITION_TYPE', 'POSITION_MAGIC', 'POSITION_TIME', 'POSITION_IDENTIFIER'],
    6000,
  ),
  ...members('ENUM_POSITION_PROPERTY_STRING', ['POSITION_SYMBOL', 'POSITION_COMMENT'], 7000),
  ...members(
    'ENUM_MQL_INFO_INTEGER',
    ['MQL_TESTER', 'MQL_OPTIMIZATION', 'MQL_VISUAL_MODE', 'MQL_TRADE_ALLOWED'],
    8000,
  ),
  ...members('ENUM_MQL_INFO_STRING', ['MQL_PROGRAM_NAME'], 9000),
]

/** Constant values by name, for the evaluated program. */
export const MT5_CONSTANTS: Readonly<Record<string, number>> = Object.fromEntries(
  MT5_CONSTANT_ROWS.map(([name, , value]) => [name, value]),
)

/** The name of `value` in `enumName`, as EnumToString prints it; throws when none has it. */
export function enumMemberName(enumName: string, value: number): string {
  const row = MT5_CONSTANT_ROWS.find(([, , v, e]) => e === enumName && v === value)
  if (!row) throw new Error(`MT5 simulator: ${enumName} has no member with value ${value}`)
  return row[0]
}

/** The value of constant `name`; a name the table lacks is a mistake in the simulator. */
export function constant(name: string): number {
  const value = MT5_CONSTANTS[name]
  if (value === undefined) throw new Error(`MT5 simulator: no constant ${name}`)
  return value
}
