import { and, eq } from 'drizzle-orm'
import { killSwitches } from '@tradeloom/drizzle'
import type { Db, KillSwitchRow } from '@tradeloom/drizzle'

/**
 * The user's kill switch while it is pulled (TRIGGERED), or null. At most one such row exists
 * per user (a partial unique index), so this is the whole answer to "may anything start?".
 */
export async function activeKillSwitch(db: Db, userId: string): Promise<KillSwitchRow | null> {
  const [row] = await db
    .select()
    .from(killSwitches)
    .where(and(eq(killSwitches.userId, userId), eq(killSwitches.state, 'TRIGGERED')))
    .limit(1)
  return row ?? null
}
