import { compile } from '@tradeloom/compiler'
import type { Diagnostic, Plot } from '@tradeloom/compiler'
import * as runtime from '@tradeloom/runtime'
import type { Bars, Stats, Trade } from '@tradeloom/runtime'

/** Which synthetic market the preview runs on. */
export interface PreviewOptions {
  seed: number
  /** Number of bars to generate. */
  bars: number
}

/** The candles the chart draws; a subset of Bars so fewer bytes cross the worker boundary. */
export interface PreviewBars {
  length: number
  time: Float64Array
  open: Float64Array
  high: Float64Array
  low: Float64Array
  close: Float64Array
}

export type PreviewResult =
  | {
      ok: true
      bars: PreviewBars
      trades: Trade[]
      stats: Stats
      /** Recorded node outputs by plot key (NaN during warm-up). */
      series: Record<string, Float64Array>
      plots: readonly Plot[]
      /** Decimal places of the symbol's prices, for the chart's price scale. */
      digits: number
      /** Time spent compiling and backtesting, for the status line. */
      elapsedMs: number
    }
  | { ok: false; diagnostics: readonly Diagnostic[]; error?: string }

// Generating bars costs more than the backtest on small graphs; reuse them across edits.
let cached: { key: string; bars: Bars } | undefined

function syntheticBars(options: PreviewOptions): Bars {
  const key = `${options.seed}:${options.bars}`
  if (cached?.key !== key) {
    cached = {
      key,
      bars: runtime.generateSyntheticBars({ seed: options.seed, count: options.bars }),
    }
  }
  return cached.bars
}

/**
 * Compiles the graph, loads the emitted TypeScript exactly as the server would, and backtests
 * it on seeded synthetic bars. Never throws: a graph that does not compile returns its
 * diagnostics; a strategy that fails to load or run returns the error message.
 */
export function runPreview(graph: unknown, options: PreviewOptions): PreviewResult {
  const started = performance.now()
  const compiled = compile(graph)
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics }
  try {
    const bars = syntheticBars(options)
    const strategyModule = runtime.loadStrategyModule(compiled.ts, runtime)
    const result = runtime.runBacktest(bars, strategyModule.createStrategy(), {
      recordSeries: true,
    })
    return {
      ok: true,
      // Copies, because the worker transfers these buffers and the cached bars must survive.
      bars: {
        length: bars.length,
        time: bars.time.slice(),
        open: bars.open.slice(),
        high: bars.high.slice(),
        low: bars.low.slice(),
        close: bars.close.slice(),
      },
      trades: result.trades,
      stats: result.stats,
      series: result.series,
      plots: compiled.plots,
      digits: result.symbol.digits,
      elapsedMs: performance.now() - started,
    }
  } catch (error) {
    return {
      ok: false,
      diagnostics: compiled.diagnostics,
      error: error instanceof Error ? error.message : String(error),
    }
  }
}

/** Every typed-array buffer in a result, so postMessage can move them instead of copying. */
export function transferablesOf(result: PreviewResult): ArrayBuffer[] {
  if (!result.ok) return []
  const arrays = [
    result.bars.time,
    result.bars.open,
    result.bars.high,
    result.bars.low,
    result.bars.close,
    ...Object.values(result.series),
  ]
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))]
}
