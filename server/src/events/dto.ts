import type { RobotEventRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const robotEventSchema = z.object({
  id: z.uuid(),
  seq: z.number(),
  type: z.string(),
  createdAt: z.string(),
  metadata: z.record(z.string(), z.unknown()),
})

export const eventPageSchema = z.object({
  events: z.array(robotEventSchema),
  nextCursor: z.string().nullable(),
})

/** One entry of a strategy's timeline. */
export type RobotEventDto = z.infer<typeof robotEventSchema>
/** A page of the timeline, newest first; pass `nextCursor` as `cursor` for the next page. */
export type EventPageDto = z.infer<typeof eventPageSchema>

export function toRobotEventDto(row: RobotEventRow): RobotEventDto {
  return {
    id: row.id,
    seq: row.seq,
    type: row.type,
    createdAt: row.createdAt.toISOString(),
    metadata: row.metadata,
  }
}
