import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { robotEvents } from '@tradeloom/drizzle'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { uuidParams } from '../ids'
import { requireStrategy } from '../strategies/queries'
import { validate } from '../validation'
import { readEventPage } from './event-page'

export const eventsQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'must be the nextCursor of an earlier page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200, 'must be at most 200').default(50),
})

/** `GET /api/strategies/:id/events`: the strategy's timeline, newest first, a page at a time. */
export const eventRoutes = new Hono<AppEnv>().get(
  '/:id/events',
  uuidParams({ id: 'Strategy' }),
  validate('query', eventsQuery),
  async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const { cursor, limit } = c.req.valid('query')
    await requireStrategy(db, user.id, id)
    return c.json(
      await readEventPage(db, user.id, eq(robotEvents.strategyId, id), { cursor, limit }),
    )
  },
)
