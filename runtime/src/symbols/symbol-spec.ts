/**
 * A symbol's contract, with MT5's names in the comments (mt5-semantics.md 3.8). Money values are
 * in the account currency (USD for the built-in catalogue).
 */
export interface SymbolSpec {
  /** Symbol name as the broker shows it, e.g. `EURUSD`. */
  readonly name: string
  readonly description: string
  /** `SYMBOL_DIGITS`: decimal places of a price. */
  readonly digits: number
  /** `SYMBOL_POINT`: 10^-digits. Spreads, slippage and stops levels are counted in points. */
  readonly point: number
  /** One pip in price units: 10 points on 3- and 5-digit FX symbols, as the `MACD Sample` EA assumes. */
  readonly pipSize: number
  /** `SYMBOL_TRADE_TICK_SIZE`: the smallest price change; prices are rounded to a multiple of it. */
  readonly tickSize: number
  /**
   * `SYMBOL_TRADE_TICK_VALUE`: the money one tick is worth for one lot. Constant here; for symbols
   * whose profit currency is not the account currency (USDJPY) it is a snapshot at one rate.
   */
  readonly tickValue: number
  /** `SYMBOL_TRADE_CONTRACT_SIZE`: units of the base asset in one lot. */
  readonly contractSize: number
  /** `SYMBOL_VOLUME_MIN`, `_MAX`, `_STEP` in lots. */
  readonly volumeMin: number
  readonly volumeMax: number
  readonly volumeStep: number
  /** Spread in points used when a bar carries none (MT5 exports 0 when it does not know). */
  readonly typicalSpread: number
  /** `SYMBOL_TRADE_STOPS_LEVEL`: minimum distance in points of SL/TP from the price; 0 = none. */
  readonly stopsLevel: number
}

/** Fields of {@link SymbolSpec} that {@link defineSymbol} can derive when left out. */
export type SymbolSpecInput = Omit<SymbolSpec, 'point' | 'pipSize' | 'description' | 'stopsLevel'> &
  Partial<Pick<SymbolSpec, 'point' | 'pipSize' | 'description' | 'stopsLevel'>>

/**
 * Completes and validates a symbol spec: `point` defaults to 10^-digits, `pipSize` to 10 points on
 * 3/5-digit symbols and 1 point otherwise. Throws a RangeError naming the bad field.
 *
 * @example
 * const ger40 = defineSymbol({ name: 'GER40', digits: 1, tickSize: 0.1, tickValue: 0.1, contractSize: 1,
 *   volumeMin: 0.1, volumeMax: 100, volumeStep: 0.1, typicalSpread: 15 })
 */
export function defineSymbol(input: SymbolSpecInput): SymbolSpec {
  const where = `symbol "${input.name}"`
  if (typeof input.name !== 'string' || input.name.trim() === '') {
    throw new RangeError('defineSymbol: name must be a non-empty string')
  }
  if (!Number.isInteger(input.digits) || input.digits < 0 || input.digits > 10) {
    throw new RangeError(`${where}: digits must be an integer from 0 to 10, got ${input.digits}`)
  }
  const point = input.point ?? roundTo(10 ** -input.digits, input.digits)
  const pipSize = input.pipSize ?? (input.digits === 3 || input.digits === 5 ? point * 10 : point)
  const spec: SymbolSpec = {
    name: input.name,
    description: input.description ?? input.name,
    digits: input.digits,
    point,
    pipSize: roundTo(pipSize, input.digits),
    tickSize: input.tickSize,
    tickValue: input.tickValue,
    contractSize: input.contractSize,
    volumeMin: input.volumeMin,
    volumeMax: input.volumeMax,
    volumeStep: input.volumeStep,
    typicalSpread: input.typicalSpread,
    stopsLevel: input.stopsLevel ?? 0,
  }
  const positive = [
    'point',
    'pipSize',
    'tickSize',
    'tickValue',
    'contractSize',
    'volumeMin',
    'volumeMax',
    'volumeStep',
  ] as const
  for (const field of positive) {
    const value = spec[field]
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`${where}: ${field} must be a positive number, got ${value}`)
    }
  }
  for (const field of ['typicalSpread', 'stopsLevel'] as const) {
    const value = spec[field]
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`${where}: ${field} must be a number >= 0 (points), got ${value}`)
    }
  }
  if (spec.volumeMax < spec.volumeMin) {
    throw new RangeError(
      `${where}: volumeMax ${spec.volumeMax} is below volumeMin ${spec.volumeMin}`,
    )
  }
  return Object.freeze(spec)
}

const POWERS_OF_TEN = Array.from({ length: 11 }, (_, d) => 10 ** d)

/** Rounds to `digits` decimals (0–10), away from binary noise (`1.10000000001` -> `1.1`). */
export function roundTo(value: number, digits: number): number {
  const factor = POWERS_OF_TEN[digits] ?? 10 ** digits
  return Math.round(value * factor) / factor
}

/**
 * Rounds a price to the symbol's tick size and digits, as `NormalizeDouble(price, _Digits)` plus a
 * tick-size rounding does in an EA (mt5-semantics.md 3.8).
 */
export function normalizePrice(price: number, spec: SymbolSpec): number {
  return roundTo(Math.round(price / spec.tickSize) * spec.tickSize, spec.digits)
}

/**
 * Money value of a price move for `volume` lots: `Δprice / tickSize · tickValue · lots`
 * (mt5-semantics.md 6.4 step 4), rounded to cents as MT5 rounds a deal's profit.
 */
export function priceMoveValue(priceDelta: number, volume: number, spec: SymbolSpec): number {
  return roundTo((priceDelta / spec.tickSize) * spec.tickValue * volume, 2)
}
