import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { ConflictError, NotFoundError } from '../errors'
import { recordEvent } from '../events/record-event'
import { uuidParams } from '../ids'
import { requireDataset } from '../datasets/queries'
import { requireStrategy } from '../strategies/queries'
import { validate } from '../validation'
import { requireVersion } from '../versions/queries'
import { backtestRequestSchema } from './backtest-config'
import type { StoredRunConfig } from './backtest-config'
import { backtestJob } from './backtest-job'
import { toBacktestRunDto, toBacktestRunSummary } from './dto'
import { cancelRun, failRun, findRun, insertRun, listRuns } from './queries'
import { streamRunEvents } from './run-events'

/**
 * How long pg-boss waits before presuming a backtest's worker dead and retrying the job: the
 * sandbox's own timeout plus room to load bars and store results.
 */
export function jobExpirySeconds(timeoutSeconds: number): number {
  return Math.ceil(timeoutSeconds * 1.1) + 5
}

/** Enqueue server-side backtests of saved versions, follow them, read and cancel them. */
export const backtestRoutes = new Hono<AppEnv>()
  .post(
    '/strategies/:id/versions/:versionId/backtests',
    uuidParams({ id: 'Strategy', versionId: 'Version' }),
    validate('json', backtestRequestSchema),
    async (c) => {
      const { db, jobs, user, settings } = c.var
      const { id, versionId } = c.req.valid('param')
      const body = c.req.valid('json')
      const strategy = await requireStrategy(db, user.id, id)
      const version = await requireVersion(db, user.id, id, versionId)
      const dataset =
        body.datasetId === undefined ? undefined : await requireDataset(db, user.id, body.datasetId)
      const graphSymbol = (version.graph as { meta?: { symbol?: unknown } } | null)?.meta?.symbol
      const config: StoredRunConfig = {
        bars:
          dataset === undefined
            ? { kind: 'synthetic', seed: body.seed, barCount: body.barCount }
            : { kind: 'dataset', datasetId: dataset.id, from: body.from, to: body.to },
        engine: {
          ...body.config,
          symbol:
            body.config.symbol ??
            dataset?.symbol ??
            (typeof graphSymbol === 'string' ? graphSymbol : strategy.symbol),
        },
        timeoutSeconds: settings.backtestTimeoutSeconds,
      }
      // The run's id is also the job's id, so either can be found from the other.
      const run = await db.transaction(async (tx) => {
        const row = await insertRun(tx, {
          id: randomUUID(),
          userId: user.id,
          strategyId: id,
          versionId,
          datasetId: dataset?.id ?? null,
          config: JSON.parse(JSON.stringify(config)) as Record<string, unknown>,
        })
        await recordEvent(tx, {
          userId: user.id,
          strategyId: id,
          type: 'backtest.queued',
          metadata: {
            runId: row.id,
            versionId,
            version: version.version,
            datasetId: row.datasetId,
          },
        })
        return row
      })
      try {
        await jobs.send(
          backtestJob,
          { runId: run.id },
          { id: run.id, expireInSeconds: jobExpirySeconds(config.timeoutSeconds) },
        )
      } catch (error) {
        await failRun(db, run.id, 'The job could not be queued')
        throw error
      }
      return c.json(toBacktestRunDto(run, null), 202)
    },
  )
  .get('/strategies/:id/backtests', uuidParams({ id: 'Strategy' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    await requireStrategy(db, user.id, id)
    return c.json((await listRuns(db, user.id, id)).map(toBacktestRunSummary))
  })
  .get('/backtests/:id', uuidParams({ id: 'Backtest' }), async (c) => {
    const { db, user } = c.var
    const { id } = c.req.valid('param')
    const found = await findRun(db, user.id, id)
    if (found === undefined) throw new NotFoundError(`Backtest ${id} not found`)
    return c.json(toBacktestRunDto(found.run, found.result))
  })
  .post('/backtests/:id/cancel', uuidParams({ id: 'Backtest' }), async (c) => {
    const { db, jobs, user } = c.var
    const { id } = c.req.valid('param')
    const found = await findRun(db, user.id, id)
    if (found === undefined) throw new NotFoundError(`Backtest ${id} not found`)
    if (!(await cancelRun(db, user.id, id))) {
      throw new ConflictError(
        `Backtest ${id} is already ${found.run.status}`,
        undefined,
        undefined,
        'run_finished',
      )
    }
    // A queued job is dropped here; a running one notices at its next progress write.
    await jobs.cancel(backtestJob, id).catch(() => undefined)
    await recordEvent(db, {
      userId: user.id,
      strategyId: found.run.strategyId,
      type: 'backtest.cancelled',
      metadata: { runId: id },
    })
    const after = await findRun(db, user.id, id)
    return c.json(toBacktestRunDto(after!.run, after!.result))
  })
  .get('/backtests/:id/events', uuidParams({ id: 'Backtest' }), (c) =>
    streamRunEvents(c, c.req.valid('param').id),
  )
