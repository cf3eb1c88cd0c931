import * as runtime from '@tradeloom/runtime'
import type { Bars, StrategyModule, SymbolSpec } from '@tradeloom/runtime'
import type { ExpertProgram, InputValue } from './mt5-sim/load-expert'
import { loadExpert } from './mt5-sim/load-expert'
import type { StopModel } from './mt5-sim/stops'
import type { TesterReport } from './mt5-sim/strategy-tester'
import { runStrategyTester } from './mt5-sim/strategy-tester'
import type { ParityTrade } from './parity-trade'
import { fromRuntime, fromTester } from './parity-trade'

/** One graph compiled once: its TS module loaded, its EA translated, its warm-up. */
export interface CompiledTemplate {
  readonly id: string
  readonly module: StrategyModule
  readonly expert: ExpertProgram
  readonly warmupBars: number
  /** Sized by equity (risk or percent of equity): volumes follow the balance. */
  readonly sizedByEquity: boolean
  /** EA inputs to set besides InpHistoryBars, as in the tester's inputs tab. */
  readonly inputs?: Readonly<Record<string, InputValue>>
}

/** The same bars and account for both sides. */
export interface ParitySetup {
  readonly bars: Bars
  readonly symbol: SymbolSpec
  readonly accountMode: 'netting' | 'hedging'
  readonly stopModel: StopModel
  /** Starting balance; default {@link DEPOSIT}. */
  readonly deposit?: number
}

/** Both sides' trades and final balances over the same bars. */
export interface ParityRun {
  readonly runtimeTrades: readonly ParityTrade[]
  readonly runtimeBalance: number
  readonly eaTrades: readonly ParityTrade[]
  readonly eaBalance: number
  readonly report: TesterReport
  readonly startBar: number
}

export const DEPOSIT = 10_000
export const LOTS = 0.1

/** Compiles nothing: loads a compile result's two programs for {@link runParity}. */
export async function loadCompiled(
  id: string,
  result: { readonly ts: string; readonly mql5: string; readonly warmupBars: number },
  sizedByEquity: boolean,
): Promise<CompiledTemplate> {
  return {
    id,
    module: runtime.loadStrategyModule(result.ts, runtime as unknown as Record<string, unknown>),
    expert: await loadExpert(result.mql5),
    warmupBars: result.warmupBars,
    sizedByEquity,
  }
}

/**
 * Runs a template's TypeScript on the runtime and its EA on the simulated Strategy Tester.
 *
 * Alignment. The runtime evaluates every bar from 0 and trades from bar W (its warm-up) on: a
 * decision on bar i fills at bar i+1's open. The EA warms up on its first tick, feeding
 * InpHistoryBars closed bars without trading, and from then on evaluates each newly closed bar
 * once, at the next bar's open. So the test starts the tester at bar W with bars 0..W-1 as
 * preloaded history and InpHistoryBars = W: the first tick (bar W's open) feeds bars 0..W-1 to the
 * indicators exactly as the runtime fed them, trading on none (nor does the runtime, they are its
 * warm-up); the next tick evaluates bar W and may trade at bar W+1's open, like the runtime. From
 * there both see the same closed bars, decide on the same closes and fill at the same opens, up
 * to the last bar, whose close ends both runs (the runtime's closeAtEnd, the tester's end of test).
 */
export function runParity(template: CompiledTemplate, setup: ParitySetup): ParityRun {
  const { bars, symbol, accountMode, stopModel } = setup
  const deposit = setup.deposit ?? DEPOSIT
  const strategy = template.module.createStrategy()
  if (strategy.warmupBars !== template.warmupBars)
    throw new Error(
      `${template.id}: strategy.warmupBars ${strategy.warmupBars} != ${template.warmupBars}`,
    )
  const result = runtime.runBacktest(bars, strategy, {
    symbol,
    lots: LOTS,
    initialCash: deposit,
    accountMode,
    // The EA closes an opposite position before every entry on both account kinds (TlEnter);
    // that is the runtime's 'reverse' (its default on netting; on hedging it would keep both).
    oppositeSignal: 'reverse',
  })
  const startBar = Math.max(1, template.warmupBars)
  const report = runStrategyTester(template.expert, {
    bars,
    symbol,
    timeframe: 'H1',
    startBar,
    deposit,
    accountMode,
    stopModel,
    inputs: { ...template.inputs, InpHistoryBars: startBar },
  })
  const runtimeTrades = result.trades.map(fromRuntime)
  return {
    runtimeTrades,
    runtimeBalance: runtimeTrades.reduce((sum, t) => sum + t.profit, deposit),
    eaTrades: report.trades.map(fromTester),
    eaBalance: report.balance,
    report,
    startBar,
  }
}
