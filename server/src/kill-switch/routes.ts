import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { validate } from '../validation'
import { killSwitchState, resolveKillSwitch, triggerKillSwitch } from './actions'

export const triggerKillSwitchBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'must not be empty: say why, for the history')
    .max(500, 'must be at most 500 characters'),
  closePositions: z.boolean().default(false),
  revokeTokens: z.boolean().default(false),
})

export const resolveKillSwitchBody = z.object({
  note: z.string().trim().max(500, 'must be at most 500 characters').optional(),
})

/** `/api/kill-switch`: one switch per user that halts (or flattens) every running deployment. */
export const killSwitchRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db, user } = c.var
    return c.json(await killSwitchState(db, user.id))
  })
  .post('/trigger', validate('json', triggerKillSwitchBody), async (c) => {
    const { db, user } = c.var
    const affected = await triggerKillSwitch(db, user.id, c.req.valid('json'), new Date())
    return c.json({ ...(await killSwitchState(db, user.id)), affected }, 201)
  })
  .post('/resolve', validate('json', resolveKillSwitchBody), async (c) => {
    const { db, user } = c.var
    const note = c.req.valid('json').note
    const affected = await resolveKillSwitch(db, user.id, note || null, new Date())
    return c.json({ ...(await killSwitchState(db, user.id)), affected })
  })
