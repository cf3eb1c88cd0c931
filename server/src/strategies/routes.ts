import { Hono } from 'hono'
import { STRATEGY_CLASSES, TIMEFRAMES } from '@tradeloom/compiler'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { NotFoundError } from '../errors'
import { uuidParams } from '../ids'
import { validate } from '../validation'
import { toStrategyDto } from './dto'
import { findLatestVersions, findStrategy, insertStrategy, listStrategies } from './queries'

const createStrategyBody = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  symbol: z.string().trim().min(1, 'must not be empty').max(32).default('EURUSD'),
  timeframe: z.enum(TIMEFRAMES).default('H1'),
  strategyClass: z.enum(STRATEGY_CLASSES).default('RULE'),
})

/** `/api/strategies`: create, list and read the current user's strategies. */
export const strategyRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db, user } = c.var
    const rows = await listStrategies(db, user.id)
    const latest = await findLatestVersions(
      db,
      user.id,
      rows.map((row) => row.id),
    )
    return c.json(rows.map((row) => toStrategyDto(row, latest.get(row.id))))
  })
  .post('/', validate('json', createStrategyBody), async (c) => {
    const { db, user } = c.var
    const row = await insertStrategy(db, user.id, c.req.valid('json'))
    return c.json(toStrategyDto(row, undefined), 201)
  })
  .get('/:id', uuidParams({ id: 'Strategy' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const row = await findStrategy(db, user.id, id)
    if (row === undefined) throw new NotFoundError(`Strategy ${id} not found`)
    const latest = await findLatestVersions(db, user.id, [id])
    return c.json(toStrategyDto(row, latest.get(id)))
  })
