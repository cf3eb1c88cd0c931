import * as runtime from '@tradeloom/runtime'
import { generateSyntheticBars, loadStrategyModule, runBacktest } from '@tradeloom/runtime'
import type { BacktestRunConfig } from './backtest-config'
import { thinSeries } from './thin-series'

/**
 * A problem with the strategy or its inputs, not with our infrastructure: a retry would fail the
 * same way, so the run is stored as failed with this message.
 */
export class StrategyRunError extends Error {}

export interface SimulationInput {
  readonly tsSource: string
  readonly config: BacktestRunConfig
  /** The graph's timeframe, so synthetic bars are spaced like the chart the trader designed for. */
  readonly timeframeSeconds: number
}

export interface SimulationOutput {
  readonly stats: Record<string, unknown>
  readonly trades: unknown[]
  readonly equity: number[]
  readonly stopReason: string
}

/**
 * Runs a version's TypeScript, exactly as stored, on seeded synthetic bars: the same module the
 * trader sees in the code panel, type-stripped and evaluated by the runtime.
 */
export function simulateBacktest(input: SimulationInput): SimulationOutput {
  const module = attempt('could not be loaded', () => loadStrategyModule(input.tsSource, runtime))
  const bars = generateSyntheticBars({
    seed: input.config.seed,
    count: input.config.barCount,
    timeframeSeconds: input.timeframeSeconds,
  })
  const result = attempt('stopped with an error', () =>
    runBacktest(bars, module.createStrategy(), { initialCash: input.config.initialCash }),
  )
  return {
    stats: { ...result.stats },
    trades: result.trades.map((trade) => ({ ...trade })),
    equity: thinSeries(result.equity),
    stopReason: String(result.stopReason),
  }
}

function attempt<T>(what: string, run: () => T): T {
  try {
    return run()
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new StrategyRunError(`The strategy ${what}: ${reason}`, { cause })
  }
}
