/**
 * Stop adjustments an EA makes on each new bar. In "Open prices only" OnTick runs once per bar, at
 * its open (mt5-semantics.md 6.1, 6.3), so a trailing EA moves its stop from the opening price:
 * we do the same, before the bar's stops are checked. The stop never moves backwards.
 */
import type { Position } from './position'
import { normalizePrice } from '../symbols/symbol-spec'
import type { SymbolSpec } from '../symbols/symbol-spec'

/**
 * Trailing stop: once the position is `trailActivation` in profit at the closing-side price
 * (long: Bid, short: Ask), the stop follows that price at `trailDistance`.
 */
export function trailStop(p: Position, closePrice: number, spec: SymbolSpec): void {
  if (p.trailDistance !== p.trailDistance) return
  const profit = p.side * (closePrice - p.entryPrice)
  if (profit < p.trailActivation) return
  const level = normalizePrice(closePrice - p.side * p.trailDistance, spec)
  if (p.stopLoss !== p.stopLoss || p.side * (level - p.stopLoss) > 0) {
    p.stopLoss = level
    p.stopKind = 'trailing-stop'
  }
}

/**
 * Break-even: once the position is `breakEvenTrigger` in profit at the closing-side price, the
 * stop moves to the entry plus `breakEvenOffset` in the position's favour (once; never backwards).
 */
export function moveToBreakEven(p: Position, closePrice: number, spec: SymbolSpec): void {
  if (p.breakEvenTrigger !== p.breakEvenTrigger) return
  if (p.side * (closePrice - p.entryPrice) < p.breakEvenTrigger) return
  const level = normalizePrice(p.entryPrice + p.side * p.breakEvenOffset, spec)
  if (p.stopLoss !== p.stopLoss || p.side * (level - p.stopLoss) > 0) {
    p.stopLoss = level
    p.stopKind = 'break-even'
  }
  p.breakEvenTrigger = NaN // done: it fires once
}
