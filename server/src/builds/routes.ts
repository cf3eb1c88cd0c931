import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { NotFoundError } from '../errors'
import { uuidParams } from '../ids'
import { requireStrategy } from '../strategies/queries'
import { requireVersion } from '../versions/queries'
import { buildJob } from './build-job'
import { toBuildTaskDto } from './dto'
import { findBuild, finishBuild, insertBuild, listBuilds } from './queries'

/** Build tasks: compile and check a version on a worker; follow the task by id. */
export const buildRoutes = new Hono<AppEnv>()
  .post(
    '/strategies/:id/versions/:versionId/builds',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    async (c) => {
      const { db, jobs, user } = c.var
      const { id, versionId } = c.req.valid('param')
      await requireVersion(db, user.id, id, versionId)
      const task = await insertBuild(db, {
        id: randomUUID(),
        userId: user.id,
        strategyId: id,
        versionId,
      })
      try {
        await jobs.send(buildJob, { buildId: task.id }, { id: task.id })
      } catch (error) {
        const reason = 'The build could not be queued'
        await finishBuild(db, task.id, undefined, {
          status: 'FAILED',
          result: null,
          error: reason,
          line: reason,
        })
        throw error
      }
      return c.json(toBuildTaskDto(task), 202)
    },
  )
  .get('/strategies/:id/builds', uuidParams({ id: 'Strategy' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    await requireStrategy(db, user.id, id)
    return c.json((await listBuilds(db, user.id, id)).map(toBuildTaskDto))
  })
  .get('/builds/:id', uuidParams({ id: 'Build' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const task = await findBuild(db, user.id, id)
    if (task === undefined) throw new NotFoundError(`Build ${id} not found`)
    return c.json(toBuildTaskDto(task))
  })
