import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { uuidParams } from '../ids'
import { requireStrategy } from '../strategies/queries'
import { validate } from '../validation'
import { toVersionDto, toVersionSummary } from './dto'
import { listVersions, requireVersion } from './queries'
import { saveVersion } from './save-version'
import { codeContent, contentOf, graphContent } from './version-content'

const MAX_CODE_CHARS = 1_000_000
const message = z.string().trim().max(500, 'must be at most 500 characters').default('')

export const saveVersionBody = z
  .object({
    // The compiler's parseGraph checks the document and names each bad path (graphContent).
    graph: z.unknown().optional(),
    code: z
      .string()
      .min(1, 'must not be empty')
      .max(MAX_CODE_CHARS, `must be at most ${MAX_CODE_CHARS} characters`)
      .optional(),
    message,
  })
  .superRefine((body, ctx) => {
    if (body.graph === undefined && body.code === undefined) {
      ctx.addIssue({ code: 'custom', path: ['graph'], message: 'is required (or send code)' })
    } else if (body.graph !== undefined && body.code !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'send either graph or code' })
    }
  })

export const rollbackBody = z.object({
  message: z.string().trim().max(500, 'must be at most 500 characters').optional(),
})

/** `/api/strategies/:id/versions`: save, read and roll back immutable versions. */
export const versionRoutes = new Hono<AppEnv>()
  .post(
    '/:id/versions',
    uuidParams({ id: 'Strategy' }),
    validate('json', saveVersionBody),
    async (c) => {
      const { db, user } = c.var
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const content = body.code !== undefined ? codeContent(body.code) : graphContent(body.graph)
      const { version, created } = await saveVersion(db, {
        userId: user.id,
        strategyId: id,
        content,
        message: body.message,
      })
      return c.json(toVersionDto(version), created ? 201 : 200)
    },
  )
  .get('/:id/versions', uuidParams({ id: 'Strategy' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    await requireStrategy(db, user.id, id)
    const rows = await listVersions(db, user.id, id)
    return c.json(rows.map(toVersionSummary))
  })
  .get(
    '/:id/versions/:versionId',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    async (c) => {
      const { db, user } = c.var
      const { id, versionId } = c.req.valid('param')
      return c.json(toVersionDto(await requireVersion(db, user.id, id, versionId)))
    },
  )
  .post(
    '/:id/versions/:versionId/rollback',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    validate('json', rollbackBody),
    async (c) => {
      const { db, user } = c.var
      const { id, versionId } = c.req.valid('param')
      const target = await requireVersion(db, user.id, id, versionId)
      const { version, created } = await saveVersion(db, {
        userId: user.id,
        strategyId: id,
        // The old content exactly as stored: same graph, same generated code, same hash.
        content: contentOf(target),
        message: c.req.valid('json').message ?? `Rolled back to version ${target.version}`,
        restoredFrom: target,
      })
      return c.json(toVersionDto(version), created ? 201 : 200)
    },
  )
