import type { SandboxResult } from '../sandbox/protocol'
import { float64Bytes } from '../datasets/columns'
import type { NewResults } from './queries'
import { thinSeries } from './thin-series'

const DISPLAY_POINTS = 500

/**
 * What a finished run stores: JSON for what the web shows (stats, regimes, risk, trades, an
 * equity curve of at most 500 points) and the full bar-by-bar curve as bytes (times, then
 * equity). JSON has no NaN or Infinity: such statistics are stored as null.
 */
export function toStoredResults(result: SandboxResult, times: Float64Array): NewResults {
  const n = result.lastIndex + 1
  const time = times.subarray(0, n)
  const equity = result.equity.subarray(0, n)
  const full = new Float64Array(2 * n)
  full.set(time, 0)
  full.set(equity, n)
  return {
    stats: jsonSafe(result.stats) as Record<string, unknown>,
    regimes: jsonSafe(result.regimes) as unknown[],
    riskScore: jsonSafe(result.riskScore) as Record<string, unknown>,
    equityDisplay: {
      time: thinSeries(time, DISPLAY_POINTS),
      equity: thinSeries(equity, DISPLAY_POINTS),
      drawdown: thinSeries(result.drawdown.subarray(0, n), DISPLAY_POINTS),
    },
    equityFull: new Uint8Array(float64Bytes(full)),
    trades: jsonSafe(result.trades) as unknown[],
    tradeCount: result.trades.length,
    stopReason: result.stopReason,
  }
}

function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}
