import type { BuildTaskRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const buildTaskSchema = z.object({
  id: z.uuid(),
  strategyId: z.uuid(),
  versionId: z.uuid(),
  status: z.enum(['PENDING', 'BUILDING', 'FAILED', 'COMPLETE']),
  progress: z.number().int().min(0).max(100),
  attempt: z.number().int(),
  log: z.array(z.string()),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
})

/** A build task as the API returns it. */
export type BuildTaskDto = z.infer<typeof buildTaskSchema>

export function toBuildTaskDto(row: BuildTaskRow): BuildTaskDto {
  return {
    id: row.id,
    strategyId: row.strategyId,
    versionId: row.versionId,
    status: row.status,
    progress: row.progress,
    attempt: row.attempt,
    log: row.log,
    result: row.result,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }
}
