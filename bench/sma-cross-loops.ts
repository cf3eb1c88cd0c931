/**
 * The SMA(10) / SMA(30) cross of backtest.bench.ts written by hand as single loops over the
 * typed arrays: the baselines `runBacktest` is compared with (bench/README.md, "Backtest
 * baselines"). Both compute MT5's SMA in the engine's operation order (`S = sum / n` once, then
 * `S += (x − x_old) / n`), so they take the same decisions as the engine on the same bars.
 */
import type { Bars, Stats, Trade } from '../runtime/src/index.ts'
import * as rt from '../runtime/src/index.ts'

const FAST = 10
const SLOW = 30
/** The strategy's warm-up: no decision before this bar (the engine's `warmupBars`). */
const WARMUP = 30

/**
 * The bare loop: the decisions, next-open fills with the bar's spread and a bar-close equity
 * curve, and nothing else: no price normalisation, no rounding to cents, no trade records, no
 * drawdown or statistics. The speed ceiling of a simulation in JS. Returns the entry bars too,
 * so the bench can check they are the engine's.
 */
export function smaCrossLoop(b: Bars): { equity: Float64Array; entries: number } {
  const { open, close, spread, length: n } = b
  const point = 0.00001
  const units = 0.1 * 100_000
  const equity = new Float64Array(n)
  let cash = 1e9
  let fast = NaN
  let slow = NaN
  let fastSum = 0
  let slowSum = 0
  let prevFast = NaN
  let prevSlow = NaN
  let position = 0 // +1 long, -1 short
  let entry = 0
  let pending = 0
  let entries = 0
  for (let i = 0; i < n; i++) {
    if (pending !== 0) {
      const bid = open[i]!
      const ask = bid + spread[i]! * point
      if (position > 0) cash += (bid - entry) * units
      else if (position < 0) cash += (entry - ask) * units
      position = pending
      entry = pending > 0 ? ask : bid
      entries++
      pending = 0
    }
    const c = close[i]!
    if (i < FAST) fastSum += c
    if (i === FAST - 1) fast = fastSum / FAST
    else if (i >= FAST) fast = fast + (c - close[i - FAST]!) / FAST
    if (i < SLOW) slowSum += c
    if (i === SLOW - 1) slow = slowSum / SLOW
    else if (i >= SLOW) slow = slow + (c - close[i - SLOW]!) / SLOW
    if (i >= WARMUP && i < n - 1) {
      if (fast > slow && prevFast <= prevSlow && position <= 0) pending = 1
      else if (fast < slow && prevFast >= prevSlow && position >= 0) pending = -1
    }
    prevFast = fast
    prevSlow = slow
    const floating =
      position > 0
        ? (c - entry) * units
        : position < 0
          ? (entry - c - spread[i]! * point) * units
          : 0
    equity[i] = cash + floating
  }
  return { equity, entries }
}

/** What {@link smaCrossFullLoop} returns: the parts of a `BacktestResult` the engine computes. */
export interface FullLoopResult {
  readonly trades: Trade[]
  readonly equity: Float64Array
  readonly drawdown: Float64Array
  readonly stats: Stats
}

/**
 * The full loop: everything `runBacktest` does for this strategy on EURUSD at 0.1 lot with
 * 1e9 cash, with the engine's exact arithmetic, written as one loop: the spread rule (the bar's
 * spread, else the last positive one), buys at Ask and sells at Bid normalised to the tick, a
 * netting reversal as one deal, profit per deal rounded to cents, equity at each close in cents,
 * a `Trade` record per closed position, the drawdown series inline, the open position closed at
 * the last close, and the statistics from the runtime's `computeStats` (a hand-written
 * backtester needs the same numbers and would not re-derive thirty of them). Its result is
 * identical to the engine's, which the bench checks before timing anything.
 */
export function smaCrossFullLoop(b: Bars): FullLoopResult {
  const spec = rt.getSymbol('EURUSD')
  const { open, close, spread, length: n } = b
  const { point, tickSize, tickValue } = spec
  const factor = 10 ** spec.digits
  const valuePerPrice = tickValue / tickSize
  const lots = Math.min(
    Math.round(Math.floor(0.1 / spec.volumeStep + 1e-9) * spec.volumeStep * 1e8) / 1e8,
    spec.volumeMax,
  )
  const initialCash = 1e9
  const equity = new Float64Array(n)
  const drawdown = new Float64Array(n)
  const trades: Trade[] = []
  let balance = initialCash
  let peak = initialCash
  let spreadPoints = spec.typicalSpread
  let fast = NaN
  let slow = NaN
  let fastSum = 0
  let slowSum = 0
  let prevFast = NaN
  let prevSlow = NaN
  let side = 0 // +1 long, -1 short, 0 flat
  let entryPrice = 0
  let entryIndex = 0
  let positionId = 0
  let pending = 0
  // Plain locals and no closures over them: V8 keeps them in registers, as a C-like loop would.
  for (let i = 0; i < n; i++) {
    const s = spread[i]!
    if (s > 0) spreadPoints = s
    if (pending !== 0) {
      // Decided on the previous close, filled at this open; a reversal closes at the same price.
      const o = open[i]!
      const price = normalize(pending > 0 ? o + spreadPoints * point : o, tickSize, factor)
      if (side !== 0) {
        const gross = cents(((side * (price - entryPrice)) / tickSize) * tickValue * lots)
        balance = cents(balance + gross - 0)
        trades.push(trade(positionId, side, lots, entryIndex, entryPrice, i, price, gross, b))
      }
      balance = cents(balance - 0)
      side = pending
      entryPrice = price
      entryIndex = i
      positionId++
      pending = 0
    }
    const c = close[i]!
    if (i < FAST) fastSum += c
    if (i === FAST - 1) fast = fastSum / FAST
    else if (i >= FAST) fast = fast + (c - close[i - FAST]!) / FAST
    if (i < SLOW) slowSum += c
    if (i === SLOW - 1) slow = slowSum / SLOW
    else if (i >= SLOW) slow = slow + (c - close[i - SLOW]!) / SLOW
    if (i >= WARMUP && i < n - 1) {
      if (fast > slow && prevFast <= prevSlow && side <= 0) pending = 1
      else if (fast < slow && prevFast >= prevSlow && side >= 0) pending = -1
    }
    prevFast = fast
    prevSlow = slow
    if (side === 0) equity[i] = balance
    else {
      const move = side > 0 ? c - entryPrice : entryPrice - c - spreadPoints * point
      equity[i] = Math.round((balance + move * lots * valuePerPrice) * 100) / 100
    }
    if (i === n - 1) break
    const e = equity[i]!
    if (e > peak) peak = e
    drawdown[i] = peak - e
  }
  // The last close: what is still open is closed there (longs at Bid, shorts at Ask).
  const last = n - 1
  if (side !== 0) {
    const bid = close[last]!
    const price = side > 0 ? bid : normalize(bid + spreadPoints * point, tickSize, factor)
    const gross = cents(((side * (price - entryPrice)) / tickSize) * tickValue * lots)
    balance = cents(balance + gross - 0)
    trades.push(trade(positionId, side, lots, entryIndex, entryPrice, last, price, gross, b, true))
  }
  equity[last] = balance
  if (balance > peak) peak = balance
  drawdown[last] = peak - balance
  const stats = rt.computeStats({ bars: b, trades, equity, initialCash, lastIndex: last })
  return { trades, equity, drawdown, stats }
}

/** A price rounded to the tick and the symbol's digits, as `normalizePrice` does. */
function normalize(price: number, tickSize: number, factor: number): number {
  return Math.round(Math.round(price / tickSize) * tickSize * factor) / factor
}

function cents(x: number): number {
  return Math.round(x * 100) / 100
}

/** The record of a position closed at bar `exit` (at its close when `atEnd`, else its open). */
function trade(
  id: number,
  side: number,
  volume: number,
  entryIndex: number,
  entryPrice: number,
  exit: number,
  exitPrice: number,
  gross: number,
  b: Bars,
  atEnd = false,
): Trade {
  return {
    id,
    side: side > 0 ? 'long' : 'short',
    volume,
    entryIndex,
    entryTime: b.time[entryIndex]!,
    entryPrice,
    exitIndex: exit,
    exitTime: b.time[exit]!,
    exitPrice,
    profit: cents(gross - 0),
    grossProfit: gross,
    commission: 0,
    exitReason: atEnd ? 'end-of-data' : 'reverse',
    tag: undefined,
    initialStopLoss: null,
    takeProfit: null,
    initialRisk: null,
    rMultiple: null,
    barsHeld: exit - entryIndex + (atEnd ? 1 : 0),
    ambiguousExit: false,
  }
}
