import type { ExitReason, OpenPosition, Trade } from '../engine/result'
import type { PreparedEntry } from './prepare-entry'
import { riskPerLot } from './sizing'
import { priceMoveValue, roundTo } from '../symbols/symbol-spec'
import type { SymbolSpec } from '../symbols/symbol-spec'

/**
 * @internal An open position, mutable and owned by the broker, which recycles closed ones (no
 * allocation per trade beyond the Trade record). Absent levels are NaN so the object keeps one
 * shape for fast property access.
 */
export interface Position {
  id: number
  /** 1 long, −1 short. */
  side: number
  volume: number
  /** Entries merged into this position (netting pyramiding); 1 in hedging. */
  entries: number
  entryIndex: number
  entryTime: number
  /** Volume-weighted average when a netting position is added to (as MT5's POSITION_PRICE_OPEN). */
  entryPrice: number
  stopLoss: number
  takeProfit: number
  initialStopLoss: number
  /** Exit reason reported if `stopLoss` is hit: it changes when trailing or break-even moved it. */
  stopKind: Extract<ExitReason, 'stop-loss' | 'trailing-stop' | 'break-even'>
  /** Trailing distance in price units, NaN without trailing. */
  trailDistance: number
  /** Profit (price units) needed before trailing starts; −Infinity = trail from the first bar. */
  trailActivation: number
  /** Profit (price units) that moves the stop to break-even, NaN without (or after) it. */
  breakEvenTrigger: number
  breakEvenOffset: number
  /** Commission paid on the entry deal(s), attributed to the position. */
  commission: number
  /** Money at risk to the initial stop, NaN without one. */
  initialRisk: number
  tag: string | undefined
}

/** @internal A blank position for the broker's pool. */
export function blankPosition(): Position {
  return {
    id: 0,
    side: 0,
    volume: 0,
    entries: 0,
    entryIndex: 0,
    entryTime: 0,
    entryPrice: 0,
    stopLoss: NaN,
    takeProfit: NaN,
    initialStopLoss: NaN,
    stopKind: 'stop-loss',
    trailDistance: NaN,
    trailActivation: -Infinity,
    breakEvenTrigger: NaN,
    breakEvenOffset: 0,
    commission: 0,
    initialRisk: NaN,
    tag: undefined,
  }
}

/** @internal Fills `p` (fresh or recycled) as a new position from a prepared entry. */
export function openPosition(
  p: Position,
  id: number,
  side: number,
  e: PreparedEntry,
  entryIndex: number,
  entryTime: number,
  price: number,
  commission: number,
  tag: string | undefined,
): Position {
  p.id = id
  p.side = side
  p.volume = e.volume
  p.entries = 1
  p.entryIndex = entryIndex
  p.entryTime = entryTime
  p.entryPrice = price
  p.stopLoss = e.stopLoss
  p.takeProfit = e.takeProfit
  p.initialStopLoss = e.stopLoss
  p.stopKind = 'stop-loss'
  p.trailDistance = e.trailDistance
  p.trailActivation = e.trailActivation
  p.breakEvenTrigger = e.breakEvenTrigger
  p.breakEvenOffset = e.breakEvenOffset
  p.commission = commission
  p.initialRisk = e.initialRisk
  p.tag = tag
  return p
}

/**
 * @internal Netting, same direction: the deal adds to the one position, whose price becomes the
 * volume-weighted average and whose stops are replaced by the new order's where it sets them
 * (mt5-semantics.md 3.7).
 */
export function addToPosition(
  p: Position,
  e: PreparedEntry,
  price: number,
  commission: number,
  spec: SymbolSpec,
): void {
  const volume = roundTo(p.volume + e.volume, 8)
  p.entryPrice = (p.entryPrice * p.volume + price * e.volume) / volume
  p.volume = volume
  p.entries++
  p.commission += commission
  if (e.stopLoss === e.stopLoss) {
    p.stopLoss = e.stopLoss
    p.stopKind = 'stop-loss'
    if (p.initialStopLoss !== p.initialStopLoss) p.initialStopLoss = e.stopLoss
  }
  if (p.initialStopLoss === p.initialStopLoss) {
    p.initialRisk = riskPerLot(p.entryPrice, p.initialStopLoss, spec) * volume
  }
  if (e.takeProfit === e.takeProfit) p.takeProfit = e.takeProfit
  if (e.trailDistance === e.trailDistance) {
    p.trailDistance = e.trailDistance
    p.trailActivation = e.trailActivation
  }
  if (e.breakEvenTrigger === e.breakEvenTrigger) {
    p.breakEvenTrigger = e.breakEvenTrigger
    p.breakEvenOffset = e.breakEvenOffset
  }
}

/** @internal True when the broker has to look at the position inside every bar. */
export function isManaged(p: Position): boolean {
  return (
    p.stopLoss === p.stopLoss ||
    p.takeProfit === p.takeProfit ||
    p.trailDistance === p.trailDistance ||
    p.breakEvenTrigger === p.breakEvenTrigger
  )
}

/** @internal How a position ended, for {@link toTrade}. */
export interface Exit {
  index: number
  time: number
  price: number
  reason: ExitReason
  /** Commission of the closing deal (share). */
  commission: number
  /** Gross money result of the closing deal. */
  gross: number
  ambiguous: boolean
  /** True for exits at a bar's close (end of data, equity stop): that close counts as held. */
  atClose: boolean
}

/** @internal A blank {@link Exit} to reuse. */
export function blankExit(): Exit {
  return {
    index: 0,
    time: 0,
    price: 0,
    reason: 'signal',
    commission: 0,
    gross: 0,
    ambiguous: false,
    atClose: false,
  }
}

/** @internal The Trade record of a closed position. */
export function toTrade(p: Position, x: Exit): Trade {
  const commission = roundTo(p.commission + x.commission, 2)
  const profit = roundTo(x.gross - commission, 2)
  const risk = p.initialRisk === p.initialRisk ? roundTo(p.initialRisk, 2) : NaN
  return {
    id: p.id,
    side: p.side > 0 ? 'long' : 'short',
    volume: p.volume,
    entryIndex: p.entryIndex,
    entryTime: p.entryTime,
    entryPrice: p.entryPrice,
    exitIndex: x.index,
    exitTime: x.time,
    exitPrice: x.price,
    profit,
    grossProfit: x.gross,
    commission,
    exitReason: x.reason,
    tag: p.tag,
    initialStopLoss: nullIfNaN(p.initialStopLoss),
    takeProfit: nullIfNaN(p.takeProfit),
    initialRisk: risk === risk ? risk : null,
    rMultiple: risk > 0 ? profit / risk : null,
    barsHeld: x.index - p.entryIndex + (x.atClose ? 1 : 0),
    ambiguousExit: x.ambiguous,
  }
}

/** @internal A still-open position as reported in the result, valued at `bid`/`ask`. */
export function toOpenPosition(
  p: Position,
  bid: number,
  ask: number,
  spec: SymbolSpec,
): OpenPosition {
  const mark = p.side > 0 ? bid : ask
  return {
    id: p.id,
    side: p.side > 0 ? 'long' : 'short',
    volume: p.volume,
    entryIndex: p.entryIndex,
    entryTime: p.entryTime,
    entryPrice: p.entryPrice,
    stopLoss: nullIfNaN(p.stopLoss),
    takeProfit: nullIfNaN(p.takeProfit),
    floatingProfit: priceMoveValue(p.side * (mark - p.entryPrice), p.volume, spec),
    tag: p.tag,
  }
}

function nullIfNaN(x: number): number | null {
  return x === x ? x : null
}
