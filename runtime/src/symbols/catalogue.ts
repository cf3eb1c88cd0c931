import { defineSymbol } from './symbol-spec'
import type { SymbolSpec } from './symbol-spec'

/*
 * Contract specs typical of a retail MT5 broker with a USD account. Brokers differ (contract sizes
 * of index CFDs, gold pip conventions, spreads), so users with other specs pass their own
 * `defineSymbol(...)` result in the backtest config or in `getSymbol`'s `custom` list.
 */

const EURUSD = defineSymbol({
  name: 'EURUSD',
  description: 'Euro vs US dollar',
  digits: 5,
  tickSize: 0.00001,
  tickValue: 1, // 100 000 EUR · 0.00001 USD = 1 USD per tick per lot
  contractSize: 100_000,
  volumeMin: 0.01,
  volumeMax: 100,
  volumeStep: 0.01,
  typicalSpread: 10,
})

const GBPUSD = defineSymbol({
  ...EURUSD,
  name: 'GBPUSD',
  description: 'Pound sterling vs US dollar',
  typicalSpread: 14,
})

const USDJPY = defineSymbol({
  name: 'USDJPY',
  description: 'US dollar vs Japanese yen',
  digits: 3,
  tickSize: 0.001,
  // 100 000 USD · 0.001 JPY = 100 JPY per tick per lot, converted at USDJPY = 150.000. Profit in
  // yen really changes with the rate; a constant tick value is the snapshot MT5 also shows.
  tickValue: 100 / 150,
  contractSize: 100_000,
  volumeMin: 0.01,
  volumeMax: 100,
  volumeStep: 0.01,
  typicalSpread: 12,
})

const XAUUSD = defineSymbol({
  name: 'XAUUSD',
  description: 'Gold vs US dollar (100 troy ounces per lot)',
  digits: 2,
  pipSize: 0.1, // the usual gold convention: 1 pip = 10 cents
  tickSize: 0.01,
  tickValue: 1, // 100 oz · 0.01 USD
  contractSize: 100,
  volumeMin: 0.01,
  volumeMax: 50,
  volumeStep: 0.01,
  typicalSpread: 25,
})

const US500 = defineSymbol({
  name: 'US500',
  description: 'US 500 index CFD (1 USD per index point per lot)',
  digits: 2,
  tickSize: 0.01,
  tickValue: 0.01,
  contractSize: 1,
  volumeMin: 0.1,
  volumeMax: 500,
  volumeStep: 0.1,
  typicalSpread: 50,
})

const BTCUSD = defineSymbol({
  name: 'BTCUSD',
  description: 'Bitcoin vs US dollar CFD (1 BTC per lot)',
  digits: 2,
  tickSize: 0.01,
  tickValue: 0.01,
  contractSize: 1,
  volumeMin: 0.01,
  volumeMax: 100,
  volumeStep: 0.01,
  typicalSpread: 2000,
})

const AAPL = defineSymbol({
  name: 'AAPL',
  description: 'Apple Inc. shares (whole shares: 1 lot = 1 share)',
  digits: 2,
  tickSize: 0.01,
  tickValue: 0.01,
  contractSize: 1,
  volumeMin: 1,
  volumeMax: 100_000,
  volumeStep: 1,
  typicalSpread: 2,
})

/** The built-in catalogue, keyed by name. */
export const SYMBOLS: Readonly<Record<string, SymbolSpec>> = Object.freeze({
  EURUSD,
  GBPUSD,
  USDJPY,
  XAUUSD,
  US500,
  BTCUSD,
  AAPL,
})

/**
 * Looks a symbol up by name: first in `custom` (user-defined specs win over built-ins), then in
 * the built-in catalogue; exact match first, then case-insensitive. Throws a RangeError listing
 * every known name when nothing matches.
 *
 * @example
 * getSymbol('EURUSD').point // 0.00001
 */
export function getSymbol(name: string, custom: readonly SymbolSpec[] = []): SymbolSpec {
  const candidates = [...custom, ...Object.values(SYMBOLS)]
  const found =
    candidates.find((s) => s.name === name) ??
    candidates.find((s) => s.name.toUpperCase() === name.toUpperCase())
  if (found) return found
  const known = [...new Set(candidates.map((s) => s.name))].join(', ')
  throw new RangeError(`Unknown symbol "${name}". Known symbols: ${known}.`)
}
