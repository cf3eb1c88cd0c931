import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { shareLinks, strategies, strategyVersions } from '@tradeloom/drizzle'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { NotFoundError } from '../errors'
import { uuidParams } from '../ids'
import { requireStrategy } from '../strategies/queries'
import { toVersionDto, versionDtoSchema } from '../versions/dto'
import { requireVersion } from '../versions/queries'

export const shareLinkSchema = z.object({
  token: z.string(),
  /** Where the web app opens the shared version read-only. */
  path: z.string(),
  versionId: z.uuid(),
  createdAt: z.string(),
})

export const sharedVersionSchema = z.object({
  strategy: z.object({
    name: z.string(),
    symbol: z.string(),
    timeframe: z.string(),
    strategyClass: z.string(),
  }),
  version: versionDtoSchema,
})

/** A share link of a version. */
export type ShareLinkDto = z.infer<typeof shareLinkSchema>
/** What anyone holding a share token may read: the strategy's name and market, and the version. */
export type SharedVersionDto = z.infer<typeof sharedVersionSchema>

const TOKEN = /^[A-Za-z0-9_-]{32}$/

function toShareLinkDto(row: typeof shareLinks.$inferSelect): ShareLinkDto {
  return {
    token: row.token,
    path: `/?share=${row.token}`,
    versionId: row.versionId,
    createdAt: row.createdAt.toISOString(),
  }
}

/** Read-only share links for versions (teaching mode). */
export const shareRoutes = new Hono<AppEnv>()
  .post(
    '/strategies/:id/versions/:versionId/share',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    async (c) => {
      const { db, user } = c.var
      const { id, versionId } = c.req.valid('param')
      await requireVersion(db, user.id, id, versionId)
      // One link per version: sharing again hands out the same link.
      const [created] = await db
        .insert(shareLinks)
        .values({
          token: randomBytes(24).toString('base64url'),
          userId: user.id,
          strategyId: id,
          versionId,
        })
        .onConflictDoNothing({ target: shareLinks.versionId })
        .returning()
      if (created !== undefined) return c.json(toShareLinkDto(created), 201)
      const [existing] = await db
        .select()
        .from(shareLinks)
        .where(eq(shareLinks.versionId, versionId))
      return c.json(toShareLinkDto(existing!), 200)
    },
  )
  .delete(
    '/strategies/:id/versions/:versionId/share',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    async (c) => {
      const { db, user } = c.var
      const { id, versionId } = c.req.valid('param')
      await requireStrategy(db, user.id, id)
      const rows = await db
        .delete(shareLinks)
        .where(
          and(
            eq(shareLinks.versionId, versionId),
            eq(shareLinks.strategyId, id),
            eq(shareLinks.userId, user.id),
          ),
        )
        .returning({ token: shareLinks.token })
      if (rows.length === 0) throw new NotFoundError(`Version ${versionId} has no share link`)
      return c.body(null, 204)
    },
  )
  .get('/share/:token', async (c) => {
    const token = c.req.param('token')
    const notFound = new NotFoundError('This share link does not exist or was revoked')
    if (!TOKEN.test(token)) throw notFound
    const [row] = await c.var.db
      .select({ strategy: strategies, version: strategyVersions })
      .from(shareLinks)
      .innerJoin(strategies, eq(strategies.id, shareLinks.strategyId))
      .innerJoin(strategyVersions, eq(strategyVersions.id, shareLinks.versionId))
      .where(eq(shareLinks.token, token))
    if (row === undefined) throw notFound
    const { name, symbol, timeframe, strategyClass } = row.strategy
    const answer: SharedVersionDto = {
      strategy: { name, symbol, timeframe, strategyClass },
      version: toVersionDto(row.version),
    }
    return c.json(answer)
  })
