import { Hono } from 'hono'
import type { StrategyGraph } from '@tradeloom/compiler'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { UnprocessableError } from '../errors'
import { uuidParams } from '../ids'
import { requireStrategy } from '../strategies/queries'
import { validate } from '../validation'
import { contentDisposition } from './download-name'
import { toVersionSummary } from './dto'
import type { VersionSummary } from './dto'
import { diffGraphs } from './graph-diff'
import type { GraphDiff } from './graph-diff'
import { requireVersion } from './queries'
import { unifiedDiff } from './text-diff'

// MetaEditor reads a file without a byte-order mark as the system code page, which garbles
// non-ASCII labels and comments; with the BOM it reads UTF-8.
const UTF8_BOM = '\uFEFF'

export const diffQuery = z.object({
  from: z.uuid('must be a version id'),
  to: z.uuid('must be a version id'),
})

/** Two versions compared: graphs structurally (null when either is code), sources as text. */
export interface VersionDiffDto {
  from: VersionSummary
  to: VersionSummary
  graph: GraphDiff | null
  ts: string
  mql5: string
}

/** Diffs of two versions and downloads of a version's generated files. */
export const artifactRoutes = new Hono<AppEnv>()
  .get('/:id/diff', uuidParams({ id: 'Strategy' }), validate('query', diffQuery), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const from = await requireVersion(db, user.id, id, query.from)
    const to = await requireVersion(db, user.id, id, query.to)
    const label = (v: typeof from) => `version ${v.version}`
    const answer: VersionDiffDto = {
      from: toVersionSummary(from),
      to: toVersionSummary(to),
      graph:
        from.graph === null || to.graph === null
          ? null
          : diffGraphs(
              from.graph as unknown as StrategyGraph,
              to.graph as unknown as StrategyGraph,
            ),
      ts: unifiedDiff(
        'strategy.ts',
        { text: from.tsSource, label: label(from) },
        { text: to.tsSource, label: label(to) },
      ),
      mql5: unifiedDiff(
        'strategy.mq5',
        { text: from.mql5Source ?? '', label: label(from) },
        { text: to.mql5Source ?? '', label: label(to) },
      ),
    }
    return c.json(answer)
  })
  .get(
    '/:id/versions/:versionId/download.mq5',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    async (c) => {
      const { db, user } = c.var
      const { id, versionId } = c.req.valid('param')
      const strategy = await requireStrategy(db, user.id, id)
      const version = await requireVersion(db, user.id, id, versionId)
      if (version.mql5Source === null) {
        throw new UnprocessableError(
          'no_mql5',
          `Version ${version.version} is TypeScript code, which has no MQL5 expert advisor; only graph versions compile to MQL5`,
        )
      }
      return c.body(UTF8_BOM + version.mql5Source, 200, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': contentDisposition(strategy.name, version.version, 'mq5'),
      })
    },
  )
  .get(
    '/:id/versions/:versionId/download.ts',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    async (c) => {
      const { db, user } = c.var
      const { id, versionId } = c.req.valid('param')
      const strategy = await requireStrategy(db, user.id, id)
      const version = await requireVersion(db, user.id, id, versionId)
      return c.body(version.tsSource, 200, {
        'Content-Type': 'text/typescript; charset=utf-8',
        'Content-Disposition': contentDisposition(strategy.name, version.version, 'ts'),
      })
    },
  )
