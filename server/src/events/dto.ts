import type { RobotEventRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const robotEventSchema = z.object({
  id: z.uuid(),
  seq: z.number(),
  type: z.string(),
  /** Null for account-wide events (a guardrail breach, the kill switch). */
  strategyId: z.uuid().nullable(),
  deploymentId: z.uuid().nullable(),
  accountId: z.uuid().nullable(),
  createdAt: z.string(),
  metadata: z.record(z.string(), z.unknown()),
})

export const eventPageSchema = z.object({
  events: z.array(robotEventSchema),
  nextCursor: z.string().nullable(),
})

/** One entry of a timeline (a strategy's, or the user's across strategies and accounts). */
export type RobotEventDto = z.infer<typeof robotEventSchema>
/** A page of the timeline, newest first; pass `nextCursor` as `cursor` for the next page. */
export type EventPageDto = z.infer<typeof eventPageSchema>

export function toRobotEventDto(row: RobotEventRow): RobotEventDto {
  return {
    id: row.id,
    seq: row.seq,
    type: row.type,
    strategyId: row.strategyId,
    deploymentId: row.deploymentId,
    accountId: row.accountId,
    createdAt: row.createdAt.toISOString(),
    metadata: row.metadata,
  }
}
