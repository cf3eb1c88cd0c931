import { and, desc, eq, lt, or } from 'drizzle-orm'
import { Hono } from 'hono'
import { DEPLOYMENT_STATUSES, tradeLogs } from '@tradeloom/drizzle'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { uuidParams } from '../ids'
import { validate } from '../validation'
import { createDeployment, createDeploymentBody } from './create-deployment'
import { toDeploymentDto, toTradeLogDto } from './dto'
import type { CreatedDeploymentDto, TradeLogPageDto } from './dto'
import { loadDeploymentViews, requireDeployment, requireDeploymentView } from './queries'
import { reissueEa } from './reissue'
import { requestStop, setUserHalt } from './stop'

// MetaEditor reads a file without a byte-order mark as the system code page; with it, UTF-8.
const UTF8_BOM = '\uFEFF'

export const listDeploymentsQuery = z.object({
  status: z.enum(DEPLOYMENT_STATUSES).optional(),
  accountId: z.uuid('must be a trading account id').optional(),
})

export const stopBody = z.object({
  closePositions: z
    .boolean()
    .default(false)
    .describe('close the EA positions (close_all) instead of only halting new entries'),
})

export const tradesQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,16}_[0-9a-f-]{36}$/, 'must be the nextCursor of an earlier page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500, 'must be at most 500').default(100),
})

/** Deployments: create (preflight + hand-off), follow, stop, halt and resume; their trade logs. */
export const deploymentRoutes = new Hono<AppEnv>()
  .post('/', validate('json', createDeploymentBody), async (c) => {
    const { db, jobs, settings, user } = c.var
    const now = new Date()
    const created = await createDeployment(
      {
        db,
        jobs,
        userId: user.id,
        serverUrl: settings.publicUrl,
        paperServerUrl: settings.paperTerminalUrl,
        now,
      },
      c.req.valid('json'),
    )
    const view = await requireDeploymentView(db, user.id, created.deploymentId)
    const answer: CreatedDeploymentDto = {
      ...toDeploymentDto(view, now),
      ...(created.ea !== null && { ea: created.ea }),
    }
    // The answer may hold the EA token: no cache may keep it.
    c.header('Cache-Control', 'no-store')
    return c.json(answer, 201)
  })
  .get('/', validate('query', listDeploymentsQuery), async (c) => {
    const { db, user } = c.var
    const views = await loadDeploymentViews(db, user.id, c.req.valid('query'))
    const now = new Date()
    return c.json(views.map((view) => toDeploymentDto(view, now)))
  })
  .get('/:id', uuidParams({ id: 'Deployment' }), async (c) => {
    const { db, user } = c.var
    const view = await requireDeploymentView(db, user.id, c.req.valid('param').id)
    return c.json(toDeploymentDto(view, new Date()))
  })
  .post('/:id/ea', uuidParams({ id: 'Deployment' }), async (c) => {
    const { db, settings, user } = c.var
    const ea = await reissueEa(db, user.id, c.req.valid('param').id, settings.publicUrl, new Date())
    return c.body(UTF8_BOM + ea.source, 200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${ea.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Tradeloom-Code-Hash': ea.codeHash,
    })
  })
  .post('/:id/stop', uuidParams({ id: 'Deployment' }), validate('json', stopBody), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    await requestStop(db, user.id, id, c.req.valid('json').closePositions, new Date())
    return c.json(toDeploymentDto(await requireDeploymentView(db, user.id, id), new Date()))
  })
  .post('/:id/halt', uuidParams({ id: 'Deployment' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    await setUserHalt(db, user.id, id, true)
    return c.json(toDeploymentDto(await requireDeploymentView(db, user.id, id), new Date()))
  })
  .post('/:id/resume', uuidParams({ id: 'Deployment' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    await setUserHalt(db, user.id, id, false)
    return c.json(toDeploymentDto(await requireDeploymentView(db, user.id, id), new Date()))
  })
  .get(
    '/:id/trades',
    uuidParams({ id: 'Deployment' }),
    validate('query', tradesQuery),
    async (c) => {
      const { db, user } = c.var
      const { id } = c.req.valid('param')
      const { cursor, limit } = c.req.valid('query')
      await requireDeployment(db, user.id, id)
      const after = cursor === undefined ? undefined : parseCursor(cursor)
      const rows = await db
        .select()
        .from(tradeLogs)
        .where(
          and(
            eq(tradeLogs.deploymentId, id),
            eq(tradeLogs.userId, user.id),
            after === undefined
              ? undefined
              : or(
                  lt(tradeLogs.timeMsc, after.timeMsc),
                  and(eq(tradeLogs.timeMsc, after.timeMsc), lt(tradeLogs.id, after.id)),
                ),
          ),
        )
        .orderBy(desc(tradeLogs.timeMsc), desc(tradeLogs.id))
        .limit(limit + 1)
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      const answer: TradeLogPageDto = {
        trades: page.map(toTradeLogDto),
        nextCursor: rows.length > limit && last !== undefined ? `${last.timeMsc}_${last.id}` : null,
      }
      return c.json(answer)
    },
  )

function parseCursor(cursor: string): { timeMsc: number; id: string } {
  const [time, id] = cursor.split('_') as [string, string]
  return { timeMsc: Number(time), id }
}
