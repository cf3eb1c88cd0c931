/**
 * End-to-end backtests on 1,000,000 synthetic H1 bars through `runBacktest`, with strategies
 * written by hand as Strategy objects on the streaming indicators (what compiled graphs do):
 *   runtime.backtest.sma_cross.bars_per_s    SMA(10) / SMA(30) cross, netting with reversal
 *   runtime.backtest.rsi_bb_atr.bars_per_s   RSI(14) + Bollinger(20, 2) entries, 2 x ATR(14) stop,
 *                                            exit at the middle band
 *   runtime.baseline.sma_cross_loop.bars_per_s  the same SMA cross as one hand-written
 *                                            typed-array loop (next-open fills, spread, equity)
 */
import type { BarContext, Bars, Strategy } from '../runtime/src/index.ts'
import * as rt from '../runtime/src/index.ts'
import { measure, report } from './harness.ts'

const N = 1_000_000
const bars: Bars = rt.generateSyntheticBars({ seed: 7, count: N })
// Large cash and small lots: the run must reach the last bar, or bars/s would be inflated.
const CONFIG = { initialCash: 1e9, lots: 0.1, symbol: 'EURUSD' } as const

function smaCross(): Strategy {
  const fast = rt.createSma(10)
  const slow = rt.createSma(30)
  let prevFast = NaN
  let prevSlow = NaN
  return {
    warmupBars: 30,
    onBar(ctx: BarContext) {
      const f = fast.update(ctx.close)
      const s = slow.update(ctx.close)
      if (!ctx.isWarmingUp) {
        if (f > s && prevFast <= prevSlow) ctx.enterLong()
        else if (f < s && prevFast >= prevSlow) ctx.enterShort()
      }
      prevFast = f
      prevSlow = s
    },
  }
}

function rsiBbAtr(): Strategy {
  const rsi = rt.createRsi(14)
  const bb = rt.createBollingerBands(20, 2)
  const atr = rt.createAtr(14)
  return {
    warmupBars: 20,
    onBar(ctx: BarContext) {
      const r = rsi.update(ctx.close)
      bb.update(ctx.close)
      const a = atr.update(ctx.high, ctx.low, ctx.close)
      if (ctx.isWarmingUp) return
      const pos = ctx.positionVolume
      if (pos === 0) {
        if (r < 30 && ctx.close < bb.lower) {
          ctx.enterLong({ stopLoss: { kind: 'atr', multiple: 2, atr: a } })
        } else if (r > 70 && ctx.close > bb.upper) {
          ctx.enterShort({ stopLoss: { kind: 'atr', multiple: 2, atr: a } })
        }
      } else if (pos > 0 && ctx.close > bb.middle) ctx.exitLong()
      else if (pos < 0 && ctx.close < bb.middle) ctx.exitShort()
    },
  }
}

let loopEntries = 0

/** The SMA cross written as one loop over typed arrays: the speed a backtester can hope for. */
function smaCrossLoop(b: Bars): Float64Array {
  const { open, close, spread, length: n } = b
  const point = 0.00001
  const units = 0.1 * 100_000
  const equity = new Float64Array(n)
  let cash = 1e9
  let fastSum = 0
  let slowSum = 0
  let prevFast = NaN
  let prevSlow = NaN
  let position = 0 // +1 long, -1 short
  let entry = 0
  let pending = 0
  for (let i = 0; i < n; i++) {
    if (pending !== 0) {
      const bid = open[i]!
      const ask = bid + spread[i]! * point
      if (position > 0) cash += (bid - entry) * units
      else if (position < 0) cash += (entry - ask) * units
      position = pending
      entry = pending > 0 ? ask : bid
      loopEntries++
      pending = 0
    }
    const c = close[i]!
    fastSum += c
    slowSum += c
    if (i >= 10) fastSum -= close[i - 10]!
    if (i >= 30) slowSum -= close[i - 30]!
    const f = i >= 9 ? fastSum / 10 : NaN
    const s = i >= 29 ? slowSum / 30 : NaN
    if (i >= 30 && i < n - 1) {
      if (f > s && prevFast <= prevSlow && position <= 0) pending = 1
      else if (f < s && prevFast >= prevSlow && position >= 0) pending = -1
    }
    prevFast = f
    prevSlow = s
    const floating =
      position > 0
        ? (c - entry) * units
        : position < 0
          ? (entry - c - spread[i]! * point) * units
          : 0
    equity[i] = cash + floating
  }
  return equity
}

function run(make: () => Strategy, name: string): void {
  const check = rt.runBacktest(bars, make(), CONFIG)
  if (check.lastIndex !== N - 1)
    throw new Error(`${name} stopped early at bar ${check.lastIndex}: ${check.stopReason}`)
  console.error(
    `${name}: ${check.trades.length} trades, net profit ${check.stats.netProfit.toFixed(2)}`,
  )
  const rate = measure(() => rt.runBacktest(bars, make(), CONFIG), { items: N, runs: 7, warmup: 2 })
  report(`runtime.backtest.${name}.bars_per_s`, rate, 'bars/s')
}

run(smaCross, 'sma_cross')
run(rsiBbAtr, 'rsi_bb_atr')
loopEntries = 0
smaCrossLoop(bars)
console.error(`sma_cross_loop: ${loopEntries} entries (the engine's trade count should be close)`)
report(
  'runtime.baseline.sma_cross_loop.bars_per_s',
  measure(() => smaCrossLoop(bars), { items: N }),
  'bars/s',
)
