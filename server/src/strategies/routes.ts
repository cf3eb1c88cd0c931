import { Hono } from 'hono'
import { STRATEGY_CLASSES, TIMEFRAMES } from '@tradeloom/compiler'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { NotFoundError } from '../errors'
import { recordEvent } from '../events/record-event'
import { uuidParams } from '../ids'
import { validate } from '../validation'
import { toStrategyDto } from './dto'
import {
  deleteStrategy,
  findLatestVersions,
  insertStrategy,
  listStrategies,
  requireStrategy,
  requireStrategyWithLatest,
  updateStrategy,
} from './queries'

const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
const symbol = z.string().trim().min(1, 'must not be empty').max(32)
const tag = z.string().trim().min(1, 'must not be empty').max(32, 'must be at most 32 characters')
// Tags are a set: order kept, duplicates dropped.
const tags = z
  .array(tag)
  .max(20, 'must hold at most 20 tags')
  .transform((values) => [...new Set(values)])

export const createStrategyBody = z.object({
  name,
  symbol: symbol.default('EURUSD'),
  timeframe: z.enum(TIMEFRAMES).default('H1'),
  strategyClass: z.enum(STRATEGY_CLASSES).default('RULE'),
  tags: tags.default([]),
})

export const updateStrategyBody = z
  .object({
    name: name.optional(),
    symbol: symbol.optional(),
    timeframe: z.enum(TIMEFRAMES).optional(),
    strategyClass: z.enum(STRATEGY_CLASSES).optional(),
    tags: tags.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'name at least one of name, symbol, timeframe, strategyClass, tags',
  })

export const listStrategiesQuery = z.object({ tag: tag.optional() })

/** `/api/strategies`: create, list, read, change and delete the current user's strategies. */
export const strategyRoutes = new Hono<AppEnv>()
  .get('/', validate('query', listStrategiesQuery), async (c) => {
    const { db, user } = c.var
    const rows = await listStrategies(db, user.id, c.req.valid('query').tag)
    const latest = await findLatestVersions(
      db,
      user.id,
      rows.map((row) => row.id),
    )
    return c.json(rows.map((row) => toStrategyDto(row, latest.get(row.id))))
  })
  .post('/', validate('json', createStrategyBody), async (c) => {
    const { db, user } = c.var
    const body = c.req.valid('json')
    const row = await db.transaction(async (tx) => {
      const created = await insertStrategy(tx, user.id, body)
      await recordEvent(tx, {
        userId: user.id,
        strategyId: created.id,
        type: 'strategy.created',
        metadata: { name: created.name, symbol: created.symbol, timeframe: created.timeframe },
      })
      return created
    })
    return c.json(toStrategyDto(row, undefined), 201)
  })
  .get('/:id', uuidParams({ id: 'Strategy' }), async (c) => {
    const { db, user } = c.var
    const { strategy, latest } = await requireStrategyWithLatest(
      db,
      user.id,
      c.req.valid('param').id,
    )
    return c.json(toStrategyDto(strategy, latest))
  })
  .patch(
    '/:id',
    uuidParams({ id: 'Strategy' }),
    validate('json', updateStrategyBody),
    async (c) => {
      const { db, user } = c.var
      const { id } = c.req.valid('param')
      const changes = c.req.valid('json')
      const row = await db.transaction(async (tx) => {
        const before = await requireStrategy(tx, user.id, id)
        const after = await updateStrategy(tx, user.id, id, changes)
        if (after === undefined) throw new NotFoundError(`Strategy ${id} not found`)
        const changed = Object.fromEntries(
          Object.keys(changes).map((key) => {
            const field = key as keyof typeof changes
            return [field, { from: before[field], to: after[field] }]
          }),
        )
        await recordEvent(tx, {
          userId: user.id,
          strategyId: id,
          type: 'strategy.updated',
          metadata: changed,
        })
        return after
      })
      const latest = await findLatestVersions(db, user.id, [id])
      return c.json(toStrategyDto(row, latest.get(id)))
    },
  )
  .delete('/:id', uuidParams({ id: 'Strategy' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    if (!(await deleteStrategy(db, user.id, id)))
      throw new NotFoundError(`Strategy ${id} not found`)
    return c.body(null, 204)
  })
