import type { Sizing } from './order-specs'
import { checkCommission } from '../broker/commission'
import type { Commission } from '../broker/commission'
import { getSymbol } from '../symbols/catalogue'
import type { SymbolSpec } from '../symbols/symbol-spec'

/** Netting: one position per symbol. Hedging: many, closed by ticket (mt5-semantics.md 3.7). */
export type AccountMode = 'netting' | 'hedging'

/**
 * What an entry does while an opposite position is open.
 * - `reverse`: close it and open the new one (netting: one deal of both volumes; hedging: close + open).
 * - `close`: only close it.
 * - `hedge`: keep it and open the new one beside it (hedging accounts only).
 */
export type OppositeSignal = 'reverse' | 'close' | 'hedge'

/** Settings of a run; every field has a default (see {@link DEFAULT_BACKTEST_CONFIG}). */
export interface BacktestConfig {
  /** Starting balance in account currency. */
  initialCash: number
  /** A spec or a catalogue name (`getSymbol`). */
  symbol: SymbolSpec | string
  /** User-defined symbols searched before the catalogue when `symbol` is a name. */
  symbols: readonly SymbolSpec[]
  /** Lots per entry when `sizing` is not set. */
  lots: number
  /** Sizing rule for every entry; an order's own `sizing` overrides it. */
  sizing: Sizing | null
  /** Store `ctx.record` values in `result.series`; off by default because it costs memory. */
  recordSeries: boolean
  /** Close positions still open after the last bar at its close (exit reason `end-of-data`). */
  closeAtEnd: boolean
  accountMode: AccountMode
  /** Default: `reverse` in netting, `hedge` in hedging. */
  oppositeSignal: OppositeSignal | null
  /** Entries allowed in one direction; 1 ignores an entry while a same-side position is open. */
  pyramiding: number
  /** `'data'`: each bar's spread (else the last positive one, else the symbol's typical). A number: fixed points. */
  spread: 'data' | number
  /** Points added against the trader on market orders and stop-loss fills (not on take profits). */
  slippage: number
  commission: Commission | null
  /** ATR source for `atr` distances that carry no value, called with the decision bar's index. */
  atr: ((barIndex: number) => number) | null
  /**
   * Progress hook for long runs (servers report it to the trader): called with the index of the
   * bar just simulated, about 100 times a run (every `ceil(length / 100)` bars) and once more
   * with the last simulated bar. It must not throw; a throw stops the run and propagates.
   */
  onProgress: ((barIndex: number) => void) | null
}

/** The defaults: 10 000 USD, EURUSD, 0.1 lot, netting with reversal, data spread, no costs. */
export const DEFAULT_BACKTEST_CONFIG: Readonly<BacktestConfig> = Object.freeze({
  initialCash: 10_000,
  symbol: 'EURUSD',
  symbols: [],
  lots: 0.1,
  sizing: null,
  recordSeries: false,
  closeAtEnd: true,
  accountMode: 'netting',
  oppositeSignal: null,
  pyramiding: 1,
  spread: 'data',
  slippage: 0,
  commission: null,
  atr: null,
  onProgress: null,
})

/** @internal A config with defaults applied, the symbol looked up and every field checked. */
export interface ResolvedConfig extends Omit<
  BacktestConfig,
  'symbol' | 'sizing' | 'oppositeSignal'
> {
  readonly symbol: SymbolSpec
  readonly sizing: Sizing
  readonly oppositeSignal: OppositeSignal
}

/**
 * @internal Applies defaults and validates, throwing before the loop starts (style.md 8.6) with a
 * message naming the field.
 */
export function resolveConfig(partial: Partial<BacktestConfig> = {}): ResolvedConfig {
  const c = { ...DEFAULT_BACKTEST_CONFIG, ...stripUndefined(partial) }
  const symbol = typeof c.symbol === 'string' ? getSymbol(c.symbol, c.symbols) : c.symbol
  positive('initialCash', c.initialCash)
  positive('lots', c.lots)
  if (c.accountMode !== 'netting' && c.accountMode !== 'hedging') {
    throw new RangeError(
      `config.accountMode must be 'netting' or 'hedging', got ${String(c.accountMode)}`,
    )
  }
  const oppositeSignal = c.oppositeSignal ?? (c.accountMode === 'netting' ? 'reverse' : 'hedge')
  if (!['reverse', 'close', 'hedge'].includes(oppositeSignal)) {
    throw new RangeError(
      `config.oppositeSignal must be 'reverse', 'close' or 'hedge', got ${oppositeSignal}`,
    )
  }
  if (oppositeSignal === 'hedge' && c.accountMode === 'netting') {
    throw new RangeError("config.oppositeSignal 'hedge' needs accountMode 'hedging'")
  }
  if (!Number.isInteger(c.pyramiding) || c.pyramiding < 1) {
    throw new RangeError(`config.pyramiding must be an integer >= 1, got ${c.pyramiding}`)
  }
  if (c.spread !== 'data') nonNegative('spread', c.spread)
  nonNegative('slippage', c.slippage)
  checkCommission(c.commission)
  if (c.onProgress !== null && typeof c.onProgress !== 'function') {
    throw new TypeError('config.onProgress must be a function or null')
  }
  const sizing: Sizing = c.sizing ?? { kind: 'fixed', lots: c.lots }
  checkSizing(sizing, 'config.sizing')
  return { ...c, symbol, sizing, oppositeSignal }
}

/** @internal Throws unless a sizing rule's number is positive. */
export function checkSizing(sizing: Sizing, where: string): void {
  const value = sizing.kind === 'fixed' ? sizing.lots : sizing.percent
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${where} (${sizing.kind}) needs a positive number, got ${value}`)
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

function positive(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`config.${name} must be a positive number, got ${String(value)}`)
  }
}

function nonNegative(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`config.${name} must be a number >= 0 (points), got ${String(value)}`)
  }
}
