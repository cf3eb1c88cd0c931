import { parentPort, workerData } from 'node:worker_threads'
import * as runtime from '@tradeloom/runtime'
import {
  classifyRegimes,
  loadStrategyModule,
  regimePerformance,
  riskInputsFromResult,
  riskScore,
  runBacktest,
} from '@tradeloom/runtime'
import type { BacktestResult } from '@tradeloom/runtime'
import type { SandboxMessage, SandboxRequest } from './protocol'

// Runs inside a worker thread with memory limits and a watchdog in the parent: whatever the
// strategy does (loop forever, allocate without end, throw), only this thread dies.
const request = workerData as SandboxRequest
const post = (message: SandboxMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer)

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function run(): void {
  let module
  try {
    module = loadStrategyModule(request.tsSource, runtime)
  } catch (error) {
    post({ type: 'failed', stage: 'load', message: describe(error) })
    return
  }
  const bars = { ...request.bars }
  const total = bars.length
  let result: BacktestResult
  try {
    result = runBacktest(bars, module.createStrategy(), {
      initialCash: request.config.initialCash,
      lots: request.config.lots,
      symbol: request.config.symbol,
      ...(request.config.spread === undefined ? {} : { spread: request.config.spread }),
      onProgress: (barIndex) => post({ type: 'progress', barIndex, total }),
    })
  } catch (error) {
    post({ type: 'failed', stage: 'run', message: describe(error) })
    return
  }
  const inputs = riskInputsFromResult(result)
  const equity = result.equity
  const drawdown = result.drawdown
  post(
    {
      type: 'result',
      result: {
        stats: result.stats,
        trades: result.trades,
        stopReason: result.stopReason,
        lastIndex: result.lastIndex,
        equity,
        drawdown,
        regimes: regimePerformance(result, classifyRegimes(bars)),
        riskScore: { ...riskScore(inputs), inputs },
      },
    },
    [equity.buffer as ArrayBuffer, drawdown.buffer as ArrayBuffer],
  )
}

run()
