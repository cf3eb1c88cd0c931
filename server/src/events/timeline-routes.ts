import { and, desc, eq, lt } from 'drizzle-orm'
import { Hono } from 'hono'
import { robotEvents, tradingAccounts } from '@tradeloom/drizzle'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { requireDeployment } from '../deployments/queries'
import { NotFoundError } from '../errors'
import { validate } from '../validation'
import { toRobotEventDto } from './dto'
import type { EventPageDto } from './dto'
import { eventsQuery } from './routes'

export const timelineQuery = eventsQuery.extend({
  deploymentId: z.uuid('must be a deployment id').optional(),
  accountId: z.uuid('must be a trading account id').optional(),
})

/**
 * `GET /api/events`: the user's whole timeline (strategies, deployments, accounts, kill switch),
 * newest first, a page at a time; optionally only one deployment's or one account's events.
 */
export const timelineRoutes = new Hono<AppEnv>().get(
  '/',
  validate('query', timelineQuery),
  async (c) => {
    const { db, user } = c.var
    const { cursor, limit, deploymentId, accountId } = c.req.valid('query')
    // A filter naming someone else's deployment or account is a 404, not an empty page.
    if (deploymentId !== undefined) await requireDeployment(db, user.id, deploymentId)
    if (accountId !== undefined) {
      const [account] = await db
        .select({ id: tradingAccounts.id })
        .from(tradingAccounts)
        .where(and(eq(tradingAccounts.id, accountId), eq(tradingAccounts.userId, user.id)))
      if (account === undefined) throw new NotFoundError(`Trading account ${accountId} not found`)
    }
    const rows = await db
      .select()
      .from(robotEvents)
      .where(
        and(
          eq(robotEvents.userId, user.id),
          deploymentId === undefined ? undefined : eq(robotEvents.deploymentId, deploymentId),
          accountId === undefined ? undefined : eq(robotEvents.accountId, accountId),
          cursor === undefined ? undefined : lt(robotEvents.seq, Number(cursor)),
        ),
      )
      .orderBy(desc(robotEvents.seq))
      .limit(limit + 1)
    const page = rows.slice(0, limit)
    const answer: EventPageDto = {
      events: page.map(toRobotEventDto),
      nextCursor: rows.length > limit ? String(page.at(-1)!.seq) : null,
    }
    return c.json(answer)
  },
)
