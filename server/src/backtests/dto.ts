import type { BacktestResultRow, BacktestRunRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const backtestRunSummarySchema = z.object({
  id: z.uuid(),
  strategyId: z.uuid(),
  versionId: z.uuid(),
  datasetId: z.uuid().nullable(),
  status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
  progress: z.number().int().min(0).max(100),
  /** Job attempts so far (a retry after a dead worker makes it 2). */
  attempt: z.number().int(),
  config: z.record(z.string(), z.unknown()),
  log: z.array(z.string()),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
})

export const backtestRunSchema = backtestRunSummarySchema.extend({
  stats: z.record(z.string(), z.unknown()).nullable(),
  regimes: z.array(z.unknown()).nullable(),
  riskScore: z.record(z.string(), z.unknown()).nullable(),
  equity: z
    .object({
      time: z.array(z.number()),
      equity: z.array(z.number()),
      drawdown: z.array(z.number()),
    })
    .nullable(),
  trades: z.array(z.unknown()).nullable(),
  tradeCount: z.number().int().nullable(),
  stopReason: z.string().nullable(),
})

/** A run in a list: status and log, no results. */
export type BacktestRunSummary = z.infer<typeof backtestRunSummarySchema>
/** A run with its results (null until it completes). */
export type BacktestRunDto = z.infer<typeof backtestRunSchema>

export function toBacktestRunSummary(row: BacktestRunRow): BacktestRunSummary {
  return {
    id: row.id,
    strategyId: row.strategyId,
    versionId: row.versionId,
    datasetId: row.datasetId,
    status: row.status,
    progress: row.progress,
    attempt: row.attempt,
    config: row.config,
    log: row.log,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }
}

export function toBacktestRunDto(
  row: BacktestRunRow,
  result: BacktestResultRow | null,
): BacktestRunDto {
  return {
    ...toBacktestRunSummary(row),
    stats: result?.stats ?? null,
    regimes: result?.regimes ?? null,
    riskScore: result?.riskScore ?? null,
    equity: result?.equityDisplay ?? null,
    trades: result?.trades ?? null,
    tradeCount: result?.tradeCount ?? null,
    stopReason: result?.stopReason ?? null,
  }
}
