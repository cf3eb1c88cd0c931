import type {
  Bars,
  RegimePerformance,
  RiskInputs,
  RiskScore,
  Stats,
  Trade,
} from '@tradeloom/runtime'

/** The bar columns handed to a sandbox (the runtime's `Bars`); their buffers are transferred, not copied. */
export type SandboxBars = Bars

/** The backtest settings a trader may choose (plain JSON, so they cross the thread boundary). */
export interface SandboxBacktestConfig {
  readonly initialCash: number
  readonly lots: number
  readonly symbol: string
  readonly spread?: number
}

/** What the sandbox thread is started with (`workerData`). */
export interface SandboxRequest {
  readonly tsSource: string
  readonly bars: SandboxBars
  readonly config: SandboxBacktestConfig
}

/** A finished run, as the thread posts it back. */
export interface SandboxResult {
  readonly stats: Stats
  readonly trades: Trade[]
  readonly stopReason: string
  readonly lastIndex: number
  /** Bar-close equity and drawdown, one value per bar. */
  readonly equity: Float64Array
  readonly drawdown: Float64Array
  readonly regimes: RegimePerformance[]
  readonly riskScore: RiskScore & { readonly inputs: RiskInputs }
}

/** Messages from the thread: progress during the run, then exactly one result or failure. */
export type SandboxMessage =
  | { readonly type: 'progress'; readonly barIndex: number; readonly total: number }
  | { readonly type: 'result'; readonly result: SandboxResult }
  | { readonly type: 'failed'; readonly stage: 'load' | 'run'; readonly message: string }
