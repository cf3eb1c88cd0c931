import type { Bars, SymbolSpec } from '@tradeloom/runtime'
import { normalizePrice } from '@tradeloom/runtime'
import { mql5Runtime } from '../../mql5-parity/mql5-runtime'
import { Account } from './account'
import type { SimDeal, SimTrade } from './account'
import type { ExpertProgram, InputValue } from './load-expert'
import { MT5_CONSTANTS } from './mt5-constants'
import type { StopModel } from './stops'
import { triggerAtTick, triggerInBar } from './stops'
import { createTerminal } from './terminal'
import type { LogLine, TerminalState } from './terminal-state'
import { hiddenTicks } from './ticks'

/** One run of the Strategy Tester. */
export interface TesterOptions {
  readonly bars: Bars
  readonly symbol: SymbolSpec
  /** The tested timeframe's name, e.g. `H1` (PERIOD_H1). */
  readonly timeframe: string
  /**
   * The first bar the test runs: the tester's start date. Bars before it are history the EA may
   * read (the tester preloads history before the start, mt5-semantics.md 6.2); none of them is
   * ticked.
   */
  readonly startBar: number
  readonly deposit: number
  readonly accountMode: 'netting' | 'hedging'
  readonly stopModel: StopModel
  readonly inputs?: Readonly<Record<string, InputValue>>
  readonly programName?: string
}

/** What a run left behind: the account's history and the EA's journal. */
export interface TesterReport {
  readonly trades: readonly SimTrade[]
  readonly deals: readonly SimDeal[]
  readonly balance: number
  readonly log: readonly LogLine[]
  readonly globals: () => Readonly<Record<string, unknown>>
}

/**
 * Each bar's spread in points as the tester uses it: the bar's own when positive, else the last
 * known one (mt5-semantics.md 6.2); before any, the symbol's typical spread (the runtime's rule).
 */
export function testerSpreads(bars: Bars, spec: SymbolSpec): Float64Array {
  const out = new Float64Array(bars.length)
  let last = spec.typicalSpread
  for (let i = 0; i < bars.length; i++) {
    if (bars.spread[i]! > 0) last = bars.spread[i]!
    out[i] = last
  }
  return out
}

/**
 * Runs an Expert Advisor the way MetaTrader 5's Strategy Tester runs it in "Open prices only"
 * mode (mt5-semantics.md 6.1–6.4): OnInit at the start; then for each bar from `startBar` one
 * tick at its open (Bid = open, Ask = open + spread · point, TimeCurrent = the bar's open time)
 * on which stops are checked and then OnTick runs; then the bar's hidden ticks, which only
 * trigger stops (./stops.ts says how, per `stopModel`). At the end, OnDeinit, and positions still
 * open are closed at the last bar's close, as the tester closes them at the end of the test.
 */
export function runStrategyTester(expert: ExpertProgram, options: TesterOptions): TesterReport {
  const { bars, symbol: spec, startBar, stopModel } = options
  const period = MT5_CONSTANTS[`PERIOD_${options.timeframe}`]
  if (period === undefined) throw new Error(`MT5 simulator: timeframe ${options.timeframe}`)
  if (!Number.isInteger(startBar) || startBar < 0 || startBar >= bars.length)
    throw new RangeError(`MT5 simulator: startBar ${startBar} outside 0..${bars.length - 1}`)
  const account = new Account(spec, options.accountMode === 'hedging', options.deposit)
  const state: TerminalState = {
    account,
    bars,
    spec,
    period,
    programName: options.programName ?? 'strategy',
    log: [],
    spreads: testerSpreads(bars, spec),
    lastError: 0,
    selected: null,
  }
  const tick = (i: number, bid: number) => {
    account.quote.bar = i
    account.quote.time = bars.time[i]!
    account.quote.bid = bid
    account.quote.ask = normalizePrice(bid + state.spreads[i]! * spec.point, spec)
  }
  const runtime = { ...mql5Runtime, ...MT5_CONSTANTS, ...createTerminal(state) }
  const ea = expert.instantiate(runtime, options.inputs)
  const handler = (name: string) =>
    ea.functions[name] ??
    ((): never => {
      throw new Error(`MT5 simulator: the EA has no ${name}`)
    })
  const onTick = handler('OnTick')

  tick(startBar, bars.open[startBar]!)
  const init = handler('OnInit')()
  if (init !== MT5_CONSTANTS.INIT_SUCCEEDED)
    throw new Error(
      `MT5 simulator: OnInit returned ${String(init)}\n${state.log.map((l) => l.text).join('\n')}`,
    )
  for (let i = startBar; i < bars.length; i++) {
    tick(i, bars.open[i]!)
    if (stopModel === 'open-prices') {
      triggerAtTick(account) // the tester checks stops on a tick before the EA sees it
      onTick()
      for (const bid of hiddenTicks(bars, i)) {
        tick(i, bid)
        triggerAtTick(account)
      }
    } else {
      onTick()
      const spread = state.spreads[i]! * spec.point
      triggerInBar(account, bars.open[i]!, bars.high[i]!, bars.low[i]!, spread)
    }
  }
  const last = bars.length - 1
  tick(last, bars.close[last]!)
  handler('OnDeinit')(0) // the reason; our EAs ignore it
  while (account.positions.length > 0) {
    const p = account.positions[0]!
    account.closeAt(0, p.side > 0 ? account.quote.bid : account.quote.ask, 'end-of-test')
  }
  return {
    trades: account.trades,
    deals: account.deals,
    balance: account.balance,
    log: state.log,
    globals: ea.globals,
  }
}
