/**
 * The paper terminal's engine: a runtime live session fed one closed bar at a time
 * (`pushBar`, what a paper terminal does per bar), against `runBacktest` over the same 200,000
 * synthetic H1 bars with the same SMA(10)/SMA(30) cross, timed alternately (paired ratio):
 *   runtime.live.sma_cross.bars_per_s          bars pushed per second of CPU
 *   runtime.live.sma_cross.slowdown_vs_backtest  live time / runBacktest time
 * A paper terminal pushes at most a few hundred bars a second, so this is headroom, not a target;
 * the ratio shows what the per-bar object (step, deals array) costs over the batch loop.
 */
import type { Bars } from '../runtime/src/index.ts'
import * as rt from '../runtime/src/index.ts'
import { measurePair, report } from './harness.ts'
import { smaCross } from './sma-cross-strategy.ts'

const N = 200_000
const bars: Bars = rt.generateSyntheticBars({ seed: 11, count: N })
const symbol = rt.getSymbol('EURUSD')
const CONFIG = { initialCash: 1e9, lots: 0.1 } as const

function live(): number {
  const session = rt.createLiveSession({
    symbol,
    config: CONFIG,
    strategy: smaCross(),
    capacity: N,
  })
  let deals = 0
  for (let i = 0; i < N; i++) {
    const step = session.pushBar(rt.liveBarAt(bars, i))
    deals += step.deals.length
  }
  return deals
}

function backtest(): number {
  return rt.runBacktest(bars, smaCross(), { ...CONFIG, symbol: 'EURUSD' }).trades.length
}

// Both must trade, or the figures would measure nothing.
if (live() === 0 || backtest() === 0) throw new Error('live.bench: the strategy made no trades')

const [liveRate, backtestRate] = measurePair(live, backtest, { items: N, runs: 7, warmup: 2 })
report('runtime.live.sma_cross.bars_per_s', liveRate, 'bars/s')
report('runtime.live.sma_cross.slowdown_vs_backtest', backtestRate / liveRate, 'x')
