/**
 * End-to-end backtests on 1,000,000 synthetic H1 bars through `runBacktest`, with strategies
 * written by hand as Strategy objects on the streaming indicators (what compiled graphs do):
 *   runtime.backtest.sma_cross.bars_per_s    SMA(10) / SMA(30) cross, netting with reversal
 *   runtime.backtest.rsi_bb_atr.bars_per_s   RSI(14) + Bollinger(20, 2) entries, 2 x ATR(14) stop,
 *                                            exit at the middle band
 * and the same SMA cross written by hand as single loops (sma-cross-loops.ts), each timed
 * alternately with the engine (the machine is shared, so only paired ratios are stable):
 *   runtime.baseline.sma_cross_loop.bars_per_s       bare loop: decisions, fills with spread, equity
 *   runtime.backtest.sma_cross.slowdown_vs_loop      engine time / bare loop time
 *   runtime.baseline.sma_cross_full.bars_per_s       the engine's whole result by hand (checked equal)
 *   runtime.backtest.sma_cross.slowdown_vs_full      engine time / full loop time
 */
import type { BarContext, Bars, Strategy } from '../runtime/src/index.ts'
import * as rt from '../runtime/src/index.ts'
import { measure, measurePair, report } from './harness.ts'
import { smaCrossFullLoop, smaCrossLoop } from './sma-cross-loops.ts'
import { smaCross } from './sma-cross-strategy.ts'

const N = 1_000_000
const bars: Bars = rt.generateSyntheticBars({ seed: 7, count: N })
// Large cash and small lots: the run must reach the last bar, or bars/s would be inflated.
const CONFIG = { initialCash: 1e9, lots: 0.1, symbol: 'EURUSD' } as const

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

/** Throws unless the hand-written loops made the engine's decisions and (full loop) its result. */
function checkBaselines(): void {
  const engine = rt.runBacktest(bars, smaCross(), CONFIG)
  const bare = smaCrossLoop(bars)
  if (bare.entries !== engine.trades.length) {
    throw new Error(`bare loop: ${bare.entries} entries, engine: ${engine.trades.length} trades`)
  }
  const full = smaCrossFullLoop(bars)
  for (const key of ['trades', 'equity', 'drawdown', 'stats'] as const) {
    if (!sameJson(full[key], engine[key]))
      throw new Error(`full loop: ${key} differs from the engine`)
  }
  console.error(`sma_cross loops: same ${bare.entries} entries; full loop result = engine result`)
}

/** Deep equality through JSON, with typed arrays as arrays and -0 and NaN kept distinct. */
function sameJson(a: unknown, b: unknown): boolean {
  const encode = (value: unknown) =>
    JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Float64Array) return Array.from(v, (x) => (Object.is(x, -0) ? '-0' : x))
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
      return Object.is(v, -0) ? '-0' : v
    })
  return encode(a) === encode(b)
}

/** Engine and loop timed alternately; reports the loop's rate and the engine/loop time ratio. */
function compare(loop: () => unknown, key: string, ratio: string): void {
  const engine = () => rt.runBacktest(bars, smaCross(), CONFIG)
  const [rate, base] = measurePair(engine, loop, { items: N, runs: 15, warmup: 2 })
  report(`runtime.baseline.${key}.bars_per_s`, base, 'bars/s')
  report(`runtime.backtest.sma_cross.${ratio}`, base / rate, 'x')
}

checkBaselines()
run(smaCross, 'sma_cross')
run(rsiBbAtr, 'rsi_bb_atr')
compare(() => smaCrossLoop(bars).equity, 'sma_cross_loop', 'slowdown_vs_loop')
compare(() => smaCrossFullLoop(bars), 'sma_cross_full', 'slowdown_vs_full')
