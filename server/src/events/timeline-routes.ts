import { and, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { robotEvents, tradingAccounts } from '@tradeloom/drizzle'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { requireDeployment } from '../deployments/queries'
import { NotFoundError } from '../errors'
import { validate } from '../validation'
import { readEventPage } from './event-page'
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
    const filter = and(
      deploymentId === undefined ? undefined : eq(robotEvents.deploymentId, deploymentId),
      accountId === undefined ? undefined : eq(robotEvents.accountId, accountId),
    )
    return c.json(await readEventPage(db, user.id, filter, { cursor, limit }))
  },
)
