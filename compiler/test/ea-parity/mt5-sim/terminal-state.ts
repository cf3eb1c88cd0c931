import type { Bars, SymbolSpec } from '@tradeloom/runtime'
import type { Account, SimPosition } from './account'

/** A position's properties as PositionSelect* copied them (MQL5 reads the copy, not live data). */
export interface SelectedPosition extends SimPosition {
  readonly priceCurrent: number
  readonly profit: number
}

/** A line of the EA's journal and the bar (tick) it was written on. */
export interface LogLine {
  readonly bar: number
  readonly text: string
}

/** What the terminal's built-ins read and write during one test. */
export interface TerminalState {
  readonly account: Account
  readonly bars: Bars
  readonly spec: SymbolSpec
  /** The tested timeframe as an ENUM_TIMEFRAMES value. */
  readonly period: number
  readonly programName: string
  /** Print and PrintFormat output, in order. */
  readonly log: LogLine[]
  /** Spread in points of each bar after the tester's substitution (./spreads.ts). */
  readonly spreads: Float64Array
  lastError: number
  selected: SelectedPosition | null
}

function fail(message: string): never {
  throw new Error(`MT5 simulator: ${message}`)
}

/** Throws unless `symbol` is the tested one: the simulator knows one symbol. */
export function checkSymbol(state: TerminalState, symbol: string | undefined): void {
  if (symbol !== undefined && symbol !== state.spec.name)
    fail(`symbol ${symbol} requested; only ${state.spec.name} is simulated`)
}

/** Copies position `ticket` for the PositionGet* functions; false when it is not open. */
export function selectPosition(state: TerminalState, ticket: number): boolean {
  const account = state.account
  const p = account.positions.find((q) => q.ticket === ticket)
  if (!p) {
    state.lastError = 4753 // ERR_TRADE_POSITION_NOT_FOUND
    return false
  }
  const priceCurrent = p.side > 0 ? account.quote.bid : account.quote.ask
  state.selected = { ...p, priceCurrent, profit: account.floating(p) }
  return true
}

/** The selected copy; MQL5 would answer 0 with an error, our EAs always select first. */
export function selected(state: TerminalState, what: string): SelectedPosition {
  return state.selected ?? fail(`${what} without a selected position`)
}

export { fail as simFail }
