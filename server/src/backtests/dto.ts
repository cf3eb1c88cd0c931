import type { BacktestRunRow } from '@tradeloom/drizzle'

/** A backtest run as the API returns it; results are null until the run completes. */
export interface BacktestRunDto {
  id: string
  strategyId: string
  versionId: string
  status: BacktestRunRow['status']
  progress: number
  config: Record<string, unknown>
  log: string[]
  stats: Record<string, unknown> | null
  trades: unknown[] | null
  equity: number[] | null
  error: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

export function toBacktestRunDto(row: BacktestRunRow): BacktestRunDto {
  return {
    id: row.id,
    strategyId: row.strategyId,
    versionId: row.versionId,
    status: row.status,
    progress: row.progress,
    config: row.config,
    log: row.log,
    stats: row.stats,
    trades: row.trades,
    equity: row.equity,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }
}
