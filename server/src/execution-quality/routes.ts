import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { requireDeployment } from '../deployments/queries'
import { validate } from '../validation'
import { executionQuality } from './aggregate'

export const executionQualityQuery = z.object({
  deploymentId: z.uuid('must be a deployment id').optional(),
  symbol: z.string().trim().min(1).max(64).optional(),
})

/** `GET /api/execution-quality`: latency, slippage, spread and failure rate of the EAs' trades. */
export const executionQualityRoutes = new Hono<AppEnv>().get(
  '/',
  validate('query', executionQualityQuery),
  async (c) => {
    const { db, user } = c.var
    const filter = c.req.valid('query')
    // Someone else's deployment is a 404, like everywhere, not an empty answer.
    if (filter.deploymentId !== undefined) await requireDeployment(db, user.id, filter.deploymentId)
    return c.json(await executionQuality(db, user.id, filter))
  },
)
