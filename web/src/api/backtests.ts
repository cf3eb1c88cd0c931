import type { RegimePerformance, RiskScore, Stats, Trade } from '@tradeloom/runtime'
import { request } from './client'

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled'

/** A server backtest run; result fields are null until it completes. */
export interface BacktestRun {
  id: string
  strategyId: string
  versionId: string
  datasetId: string | null
  status: RunStatus
  progress: number
  log: string[]
  error: string | null
  createdAt: string
  finishedAt: string | null
  /** JSON turns NaN/Infinity into null. */
  stats: { [K in keyof Stats]: Stats[K] extends number ? number | null : Stats[K] } | null
  regimes: RegimePerformance[] | null
  riskScore: RiskScore | null
  equity: { time: number[]; equity: number[]; drawdown: number[] } | null
  trades: Trade[] | null
}

export interface StartBacktest {
  datasetId?: string
  from?: string
  to?: string
  seed?: number
  barCount?: number
  config?: { initialCash?: number; lots?: number; symbol?: string }
}

/** Queues a full backtest of a saved version. */
export async function startBacktest(
  strategyId: string,
  versionId: string,
  input: StartBacktest,
): Promise<BacktestRun> {
  return request<BacktestRun>(
    'POST',
    `/strategies/${encodeURIComponent(strategyId)}/versions/${encodeURIComponent(versionId)}/backtests`,
    input,
  )
}

/** Reads a run with its results. */
export async function getBacktest(id: string): Promise<BacktestRun> {
  return request<BacktestRun>('GET', `/backtests/${encodeURIComponent(id)}`)
}

/** Cancels a queued or running run. */
export async function cancelBacktest(id: string): Promise<BacktestRun> {
  return request<BacktestRun>('POST', `/backtests/${encodeURIComponent(id)}/cancel`)
}

export interface RunEvents {
  onProgress(progress: number, status: RunStatus): void
  onLog(line: string): void
  onDone(status: RunStatus, error: string | null): void
  onError(message: string): void
}

/**
 * Follows a run over server-sent events (`/backtests/:id/events`). The server sends the current
 * state first, so a late subscriber still sees where the run is. Returns a function that stops
 * listening.
 */
export function followBacktest(id: string, events: RunEvents): () => void {
  const source = new EventSource(`/api/backtests/${encodeURIComponent(id)}/events`)
  let finished = false
  source.addEventListener('progress', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as {
      progress: number
      status: RunStatus
    }
    events.onProgress(data.progress, data.status)
  })
  source.addEventListener('log', (event) => {
    events.onLog((JSON.parse((event as MessageEvent<string>).data) as { line: string }).line)
  })
  source.addEventListener('done', (event) => {
    finished = true
    const data = JSON.parse((event as MessageEvent<string>).data) as {
      status: RunStatus
      error: string | null
    }
    source.close()
    events.onDone(data.status, data.error)
  })
  source.onerror = () => {
    // EventSource reconnects by itself; only report when the stream ended without `done`.
    if (!finished && source.readyState === EventSource.CLOSED) {
      events.onError('Lost the connection to the server while following the run.')
    }
  }
  return () => source.close()
}
