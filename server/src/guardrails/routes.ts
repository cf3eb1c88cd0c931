import { desc, eq, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { accountDays, DAILY_LOSS_KINDS, guardrails } from '@tradeloom/drizzle'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { uuidParams } from '../ids'
import { requireTradingAccount } from '../trading-accounts/queries'
import { validate } from '../validation'
import { guardrailsOf } from './account-day'
import { correlationReport } from './correlation-report'
import { resetAccountDay } from './day-reset'
import { toAccountDayHistoryDto } from './dto'
import { guardrailStatus, reevaluateGuardrails } from './enforce'

export const putGuardrailsBody = z
  .object({
    maxDailyLossKind: z.enum(DAILY_LOSS_KINDS),
    maxDailyLoss: z.number().positive('must be above 0'),
    maxPositions: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000'),
    maxCorrelation: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
    correlationLookbackDays: z
      .number()
      .int('must be a whole number')
      .min(20, 'must be at least 20 (fewer days give no correlation)')
      .max(1000, 'must be at most 1000')
      .default(90),
  })
  .superRefine((body, ctx) => {
    if (body.maxDailyLossKind === 'percent' && body.maxDailyLoss > 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxDailyLoss'],
        message: 'a percent limit must be from 0 to 100',
      })
    }
  })

export const daysQuery = z.object({
  limit: z.coerce.number().int().min(1).max(366, 'must be at most 366').default(60),
})

export const correlationQuery = z.object({
  symbols: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : [...new Set(value.split(',').map((s) => s.trim()))].filter((s) => s !== ''),
    )
    .pipe(z.array(z.string().max(32)).max(20, 'must list at most 20 symbols').optional()),
})

const accountId = uuidParams({ id: 'Trading account' })

/**
 * `/api/trading-accounts/:id/guardrails` and `/correlation`: an account's limits, today's use of
 * them, the day history, a manual reset, and the correlation matrix behind the exposure limit.
 */
export const guardrailRoutes = new Hono<AppEnv>()
  .get('/:id/guardrails', accountId, async (c) => {
    const { db, user } = c.var
    const account = await requireTradingAccount(db, user.id, c.req.valid('param').id)
    return c.json(await guardrailStatus(db, account, new Date()))
  })
  .put('/:id/guardrails', accountId, validate('json', putGuardrailsBody), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const now = new Date()
    const account = await db.transaction(async (tx) => {
      const row = await requireTradingAccount(tx, user.id, id)
      await tx
        .insert(guardrails)
        .values({ accountId: id, userId: user.id, ...body, updatedAt: now })
        .onConflictDoUpdate({ target: guardrails.accountId, set: { ...body, updatedAt: now } })
      await reevaluateGuardrails(tx, row, now)
      return row
    })
    return c.json(await guardrailStatus(db, account, now))
  })
  .post('/:id/guardrails/reset', accountId, async (c) => {
    const { db, user } = c.var
    const now = new Date()
    const account = await db.transaction(async (tx) => {
      const row = await requireTradingAccount(tx, user.id, c.req.valid('param').id)
      await resetAccountDay(tx, row, now)
      return row
    })
    return c.json(await guardrailStatus(db, account, now))
  })
  .get('/:id/guardrails/days', accountId, validate('query', daysQuery), async (c) => {
    const { db, user } = c.var
    const account = await requireTradingAccount(db, user.id, c.req.valid('param').id)
    const config = await guardrailsOf(db, account.id)
    const rows = await db
      .select()
      .from(accountDays)
      .where(eq(accountDays.accountId, account.id))
      .orderBy(desc(accountDays.startedAt), desc(sql`${accountDays.id}`))
      .limit(c.req.valid('query').limit)
    return c.json(rows.map((row) => toAccountDayHistoryDto(row, config, account.currency)))
  })
  .get('/:id/correlation', accountId, validate('query', correlationQuery), async (c) => {
    const { db, user } = c.var
    const account = await requireTradingAccount(db, user.id, c.req.valid('param').id)
    return c.json(await correlationReport(db, account, c.req.valid('query').symbols))
  })
