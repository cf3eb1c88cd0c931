import type { Trade } from '@tradeloom/runtime'
import type { SimTrade } from './mt5-sim/account'

/**
 * How a position ended, in the terms both sides share. MT5 knows who closed a deal (the EA, the
 * stop loss, the take profit, the end of the test), not why the EA did: the runtime's `signal`
 * and `reverse` are both the EA's close, and a stop that trailing or break-even moved is still
 * the stop loss.
 */
export type ParityExit = 'expert' | 'sl' | 'tp' | 'end'

/** One closed position as both sides report it. Bars are indices into the shared bars. */
export interface ParityTrade {
  readonly side: 'long' | 'short'
  readonly volume: number
  readonly entryBar: number
  readonly entryPrice: number
  readonly exitBar: number
  readonly exitPrice: number
  readonly exit: ParityExit
  readonly profit: number
  /** The stop loss right after the entry, or null (the runtime reports it). */
  readonly initialStopLoss: number | null
  /** The take profit in force at the exit, or null (the runtime reports it). */
  readonly takeProfit: number | null
}

const RUNTIME_EXITS: Readonly<Record<Trade['exitReason'], ParityExit | null>> = {
  signal: 'expert',
  reverse: 'expert',
  'stop-loss': 'sl',
  'trailing-stop': 'sl',
  'break-even': 'sl',
  'take-profit': 'tp',
  'end-of-data': 'end',
  'equity-depleted': null, // the tester stops differently (stop-out); not compared
}

/** A runtime trade in the shared terms. */
export function fromRuntime(t: Trade): ParityTrade {
  const exit = RUNTIME_EXITS[t.exitReason]
  if (exit === null) throw new Error(`EA parity: exit reason ${t.exitReason} is not compared`)
  return {
    side: t.side,
    volume: t.volume,
    entryBar: t.entryIndex,
    entryPrice: t.entryPrice,
    exitBar: t.exitIndex,
    exitPrice: t.exitPrice,
    exit,
    profit: t.profit,
    initialStopLoss: t.initialStopLoss,
    takeProfit: t.takeProfit,
  }
}

/** A simulated tester trade in the shared terms. */
export function fromTester(t: SimTrade): ParityTrade {
  return {
    side: t.side,
    volume: t.volume,
    entryBar: t.entryBar,
    entryPrice: t.entryPrice,
    exitBar: t.exitBar,
    exitPrice: t.exitPrice,
    exit: t.reason === 'end-of-test' ? 'end' : t.reason,
    profit: t.profit,
    initialStopLoss: null,
    takeProfit: null,
  }
}

/** Oldest entry first; a long before a short entered on the same bar (hedging). */
export function byEntry(trades: readonly ParityTrade[]): ParityTrade[] {
  return [...trades].sort(
    (a, b) => a.entryBar - b.entryBar || a.side.localeCompare(b.side) || a.exitBar - b.exitBar,
  )
}

/** Which fields to compare; volume and profit are left out where equity sizing makes them drift. */
export interface CompareOptions {
  readonly digits: number
  readonly volumeAndProfit: boolean
}

/** The result of a comparison: pairs that agree in every compared field, and what did not. */
export interface TradeComparison {
  readonly matched: number
  readonly total: number
  readonly differences: readonly string[]
}

function describe(t: ParityTrade | undefined, digits: number): string {
  if (!t) return 'none'
  return (
    `${t.side} ${t.volume} lots, bar ${t.entryBar} @ ${t.entryPrice.toFixed(digits)} -> ` +
    `bar ${t.exitBar} @ ${t.exitPrice.toFixed(digits)} (${t.exit}), ${t.profit.toFixed(2)}`
  )
}

/**
 * Pairs `expected` and `actual` trades in entry order and compares bars, sides, exit kinds,
 * prices at the symbol's digits and (when asked) volume and profit to the cent.
 */
export function compareTrades(
  expected: readonly ParityTrade[],
  actual: readonly ParityTrade[],
  { digits, volumeAndProfit }: CompareOptions,
): TradeComparison {
  const a = byEntry(expected)
  const b = byEntry(actual)
  const key = (t: ParityTrade) =>
    [
      t.side,
      t.entryBar,
      t.entryPrice.toFixed(digits),
      t.exitBar,
      t.exitPrice.toFixed(digits),
      t.exit,
      ...(volumeAndProfit ? [t.volume.toFixed(8), t.profit.toFixed(2)] : []),
    ].join(' ')
  const total = Math.max(a.length, b.length)
  const differences: string[] = []
  let matched = 0
  for (let k = 0; k < total; k++) {
    const x = a[k]
    const y = b[k]
    if (x && y && key(x) === key(y)) matched++
    else
      differences.push(
        `#${k}: expected ${describe(x, digits)}\n      got      ${describe(y, digits)}`,
      )
  }
  return { matched, total, differences }
}
