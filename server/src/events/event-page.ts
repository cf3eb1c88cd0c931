import { and, desc, eq, lt } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import { robotEvents } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import { toRobotEventDto } from './dto'
import type { EventPageDto } from './dto'

/**
 * One page of a user's timeline, newest first, narrowed by `filter` (a strategy, a deployment,
 * an account). `cursor` is the `seq` the previous page ended at; one extra row tells whether
 * another page follows.
 */
export async function readEventPage(
  db: Db,
  userId: string,
  filter: SQL | undefined,
  page: { cursor?: string; limit: number },
): Promise<EventPageDto> {
  const { cursor, limit } = page
  const rows = await db
    .select()
    .from(robotEvents)
    .where(
      and(
        eq(robotEvents.userId, userId),
        filter,
        cursor === undefined ? undefined : lt(robotEvents.seq, Number(cursor)),
      ),
    )
    .orderBy(desc(robotEvents.seq))
    .limit(limit + 1)
  const events = rows.slice(0, limit)
  return {
    events: events.map(toRobotEventDto),
    nextCursor: rows.length > limit ? String(events.at(-1)!.seq) : null,
  }
}
