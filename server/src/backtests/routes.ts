import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { NotFoundError } from '../errors'
import { uuidParams } from '../ids'
import { validate } from '../validation'
import { findVersion } from '../versions/queries'
import { backtestConfigSchema } from './backtest-config'
import { backtestJob } from './backtest-job'
import { toBacktestRunDto } from './dto'
import { failRun, findRun, insertRun } from './queries'

/** Enqueue a server-side backtest of a saved version, and read runs. */
export const backtestRoutes = new Hono<AppEnv>()
  .post(
    '/strategies/:id/versions/:versionId/backtests',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    validate('json', backtestConfigSchema),
    async (c) => {
      const { db, jobs, user } = c.var
      const { id, versionId } = c.req.valid('param')
      const version = await findVersion(db, user.id, id, versionId)
      if (version === undefined)
        throw new NotFoundError(`Version ${versionId} of strategy ${id} not found`)
      // The run's id is also the job's id, so either can be found from the other.
      const run = await insertRun(db, {
        id: randomUUID(),
        userId: user.id,
        strategyId: id,
        versionId,
        config: c.req.valid('json'),
      })
      try {
        await jobs.send(backtestJob, { runId: run.id }, { id: run.id })
      } catch (error) {
        await failRun(db, run.id, 'The job could not be queued')
        throw error
      }
      return c.json(toBacktestRunDto(run), 202)
    },
  )
  .get('/backtests/:id', uuidParams({ id: 'Backtest' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const run = await findRun(db, user.id, id)
    if (run === undefined) throw new NotFoundError(`Backtest ${id} not found`)
    return c.json(toBacktestRunDto(run))
  })
