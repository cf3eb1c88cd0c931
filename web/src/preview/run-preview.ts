import { compile } from '@tradeloom/compiler'
import type { Diagnostic, Plot } from '@tradeloom/compiler'
import * as runtime from '@tradeloom/runtime'
import type { Bars, Stats, Trade } from '@tradeloom/runtime'

/** What the preview runs: a graph (compiled here) or TypeScript the user took over. */
export type PreviewSource =
  | { kind: 'graph'; graph: unknown }
  | {
      kind: 'code'
      code: string
      /** Plots of the graph the code came from; those whose keys the code still records are drawn. */
      plots: readonly Plot[]
    }

/** Which market the preview runs on. */
export type PreviewData =
  | { kind: 'synthetic'; seed: number; bars: number }
  | { kind: 'dataset'; datasetId: string; symbol: string; from?: number; to?: number }

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
      /** Identifies the bars: equal keys, equal candles, so the chart need not redraw them. */
      barsKey: string
      trades: Trade[]
      stats: Stats
      equity: Float64Array
      drawdown: Float64Array
      /** Recorded node outputs by key (NaN during warm-up): `nodeId` or `nodeId.port`. */
      series: Record<string, Float64Array>
      plots: readonly Plot[]
      warmupBars: number
      /** Decimal places of the symbol's prices, for the chart's price scale. */
      digits: number
      /** Time spent compiling and backtesting, for the status line. */
      elapsedMs: number
    }
  | { ok: false; diagnostics: readonly Diagnostic[]; error?: string }

/**
 * Compiles the graph (or takes the user's code), loads the TypeScript exactly as the server
 * would, and backtests it on the given bars. Never throws: a graph that does not compile returns
 * its diagnostics; a strategy that fails to load or run returns the error message.
 */
export function runPreview(
  source: PreviewSource,
  bars: Bars,
  options: { barsKey: string; symbol?: string },
): PreviewResult {
  const started = performance.now()
  let ts: string
  let plots: readonly Plot[]
  let diagnostics: readonly Diagnostic[] = []
  if (source.kind === 'graph') {
    const compiled = compile(source.graph)
    if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics }
    ts = compiled.ts
    plots = compiled.plots
    diagnostics = compiled.diagnostics
  } else {
    ts = source.code
    plots = source.plots
  }
  try {
    const strategyModule = runtime.loadStrategyModule(ts, runtime)
    const strategy = strategyModule.createStrategy()
    const symbol = options.symbol && runtime.SYMBOLS[options.symbol] ? options.symbol : 'EURUSD'
    const result = runtime.runBacktest(bars, strategy, { recordSeries: true, symbol })
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
      barsKey: options.barsKey,
      trades: result.trades,
      stats: result.stats,
      equity: result.equity,
      drawdown: result.drawdown,
      series: result.series,
      plots: plots.filter((plot) => result.series[plot.key] !== undefined),
      warmupBars: strategy.warmupBars,
      digits: result.symbol.digits,
      elapsedMs: performance.now() - started,
    }
  } catch (error) {
    return {
      ok: false,
      diagnostics,
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
    result.equity,
    result.drawdown,
    ...Object.values(result.series),
  ]
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))]
}
