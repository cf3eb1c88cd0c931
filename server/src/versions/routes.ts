import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { NotFoundError } from '../errors'
import { uuidParams } from '../ids'
import { findStrategy } from '../strategies/queries'
import { validate } from '../validation'
import { toVersionDto, toVersionSummary } from './dto'
import { findVersion, listVersions } from './queries'
import { saveVersion } from './save-version'

const saveVersionBody = z.object({
  // The compiler's parseGraph checks the document and names each bad path (see saveVersion).
  graph: z.unknown().refine((value) => value !== undefined, 'is required'),
  message: z.string().trim().max(500, 'must be at most 500 characters').default(''),
})

/** `/api/strategies/:id/versions`: save (compile + store) and read immutable versions. */
export const versionRoutes = new Hono<AppEnv>()
  .post(
    '/:id/versions',
    uuidParams({ id: 'Strategy' }),
    validate('json', saveVersionBody),
    async (c) => {
      const { db, user } = c.var
      const { id } = c.req.valid('param')
      const { graph, message } = c.req.valid('json')
      const { version, created } = await saveVersion(db, {
        userId: user.id,
        strategyId: id,
        graph,
        message,
      })
      return c.json(toVersionDto(version), created ? 201 : 200)
    },
  )
  .get('/:id/versions', uuidParams({ id: 'Strategy' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    if ((await findStrategy(db, user.id, id)) === undefined) {
      throw new NotFoundError(`Strategy ${id} not found`)
    }
    const rows = await listVersions(db, user.id, id)
    return c.json(rows.map(toVersionSummary))
  })
  .get(
    '/:id/versions/:versionId',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    async (c) => {
      const { db, user } = c.var
      const { id, versionId } = c.req.valid('param')
      const row = await findVersion(db, user.id, id, versionId)
      if (row === undefined)
        throw new NotFoundError(`Version ${versionId} of strategy ${id} not found`)
      return c.json(toVersionDto(row))
    },
  )
