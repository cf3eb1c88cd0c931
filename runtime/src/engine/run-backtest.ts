import type { Bars } from '../bars'
import { Broker } from '../broker/broker'
import { computeStatsInto } from '../stats/compute-stats'
import { EngineContext } from './bar-context'
import { resolveConfig } from './config'
import type { BacktestConfig } from './config'
import type { BacktestResult, StopReason } from './result'
import type { Strategy } from './strategy'

/**
 * Runs `strategy` over `bars` the way MT5's Strategy Tester runs a bar-close EA in "Open prices
 * only" mode (mt5-semantics.md 6.3–6.4): orders decided on bar i's close fill at bar i+1's open
 * (buys at Ask = open + spread), stops are checked inside each bar, equity is marked at each close.
 * Bad config or bars throw before the loop; running out of money is a result (`stopReason`).
 *
 * @example
 * const result = runBacktest(bars, mod.createStrategy(), { symbol: 'EURUSD', lots: 0.1 })
 * result.stats.netProfit
 */
export function runBacktest(
  bars: Bars,
  strategy: Strategy,
  config: Partial<BacktestConfig> = {},
): BacktestResult {
  const cfg = resolveConfig(config)
  checkBars(bars)
  const warmup = strategy.warmupBars
  if (!Number.isInteger(warmup) || warmup < 0) {
    throw new RangeError(`strategy.warmupBars must be an integer >= 0, got ${String(warmup)}`)
  }
  if (typeof strategy.onBar !== 'function') throw new TypeError('strategy.onBar must be a function')

  const n = bars.length
  const broker = new Broker(bars, cfg, warmup)
  const series = cfg.recordSeries ? new Map<string, Float64Array>() : null
  const ctx = new EngineContext(bars, broker, warmup, series)
  const equity = new Float64Array(n)
  let stopReason: StopReason = 'end-of-data'
  let last = n - 1
  const onProgress = cfg.onProgress
  const progressStep = Math.ceil(n / 100)

  for (let i = 0; i < n; i++) {
    // Orders decided on bar i-1 fill at bar i's open, as an EA acting on a new bar would; then
    // the bar's stops are checked from its high and low.
    broker.openBar(i)
    // The strategy sees bars 0..i only; indicators update every bar, trading waits for warm-up.
    ctx.moveTo(i)
    strategy.onBar(ctx)
    // Written straight into the array: a double returned from a call would be boxed per bar.
    broker.markToMarket(i, equity)
    if (equity[i]! <= 0) {
      stopReason = 'equity-depleted'
      last = i
      break
    }
    if (onProgress !== null && (i + 1) % progressStep === 0 && i + 1 < n) onProgress(i)
  }
  onProgress?.(last)

  broker.finish(last, stopReason === 'equity-depleted', equity)
  const openPositions = broker.openPositions(last)
  const trades = broker.trades
  const drawdown = new Float64Array(n)
  const stats = computeStatsInto(
    { bars, trades, equity, initialCash: cfg.initialCash, lastIndex: last, openPositions },
    drawdown,
  )
  // After an equity stop the curve stays at its final value, and so does the drawdown.
  equity.fill(equity[last]!, last + 1)
  drawdown.fill(drawdown[last]!, last + 1)
  return {
    trades,
    equity,
    drawdown,
    stats,
    stopReason,
    lastIndex: last,
    series: series === null ? {} : Object.fromEntries(series),
    refusedOrders: broker.refused,
    openPositions,
    symbol: cfg.symbol,
    initialCash: cfg.initialCash,
  }
}

/** Throws unless every column holds at least `bars.length` values and there is a bar. */
function checkBars(bars: Bars): void {
  if (!Number.isInteger(bars.length) || bars.length < 1) {
    throw new RangeError(`runBacktest: bars must hold at least one bar, got length ${bars.length}`)
  }
  for (const name of ['time', 'open', 'high', 'low', 'close', 'tickVolume', 'spread'] as const) {
    const column = bars[name]
    if (!(column instanceof Float64Array) || column.length < bars.length) {
      throw new RangeError(
        `runBacktest: bars.${name} must be a Float64Array of at least ${bars.length} values`,
      )
    }
  }
}
