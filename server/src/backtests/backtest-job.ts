import { hostname } from 'node:os'
import { recordEvent } from '../events/record-event'
import { BACKTEST_RUN_QUEUE, backtestRunPayloadSchema } from '../jobs/queues'
import type { BacktestRunPayload } from '../jobs/queues'
import type { JobDefinition } from '../jobs/job-definition'
import { runInSandbox, SandboxCancelled, StrategyRunError } from '../sandbox/run-in-sandbox'
import { findVersionForWorker } from '../versions/queries'
import { storedRunConfigSchema } from './backtest-config'
import { loadRunBars } from './load-run-bars'
import { createProgressReporter } from './progress-reporter'
import {
  claimRun,
  completeRun,
  failRun,
  findRunForWorker,
  recordProgress,
  stillOwned,
} from './queries'
import { toStoredResults } from './stored-results'

const WORKER = `${hostname()}:${process.pid}`
const OWNERSHIP_CHECK_MS = 1_000

/**
 * `backtest.run`: runs one stored backtest run in a sandboxed thread. Each attempt claims the
 * run (bumping its `attempt`), and every later write is guarded by that number, so when a worker
 * dies and pg-boss retries the job, the new attempt owns the run and results are written once.
 * Strategy problems end the run as `failed` with a reason; only infrastructure trouble (database)
 * is thrown, so pg-boss retries it.
 */
export const backtestJob: JobDefinition<BacktestRunPayload> = {
  queue: BACKTEST_RUN_QUEUE,
  payloadSchema: backtestRunPayloadSchema,
  // Expiry is set per job from the run's timeout (backtests/routes.ts); this is the fallback.
  queueOptions: { retryLimit: 2, retryDelay: 1, expireInSeconds: 15 * 60 },

  async handle({ runId }, { db, isLastAttempt }) {
    const run = await findRunForWorker(db, runId)
    // Deleted with its strategy, or already final (finished, failed, cancelled).
    if (run === undefined) return
    const attempt = await claimRun(db, runId, WORKER)
    if (attempt === undefined) return
    const { userId, strategyId } = run
    const fail = async (reason: string) => {
      if (await failRun(db, runId, reason, attempt)) {
        await recordEvent(db, {
          userId,
          strategyId,
          type: 'backtest.finished',
          metadata: { runId, status: 'failed', error: reason },
        })
      }
    }
    try {
      await recordEvent(db, {
        userId,
        strategyId,
        type: 'backtest.started',
        metadata: { runId, attempt, versionId: run.versionId },
      })
      const config = storedRunConfigSchema.safeParse(run.config)
      if (!config.success)
        return await fail(`The run's configuration is invalid: ${config.error.message}`)
      const version = await findVersionForWorker(db, userId, run.versionId)
      if (version === undefined) return await fail('The strategy version no longer exists')
      const timeframe = (version.graph as { meta?: { timeframe?: unknown } } | null)?.meta
        ?.timeframe
      const loaded = await loadRunBars(db, userId, config.data.bars, timeframe)
      if (loaded.bars === null) return await fail(loaded.reason)
      const { bars } = loaded
      const times = bars.time.slice(0, bars.length)
      await recordProgress(
        db,
        runId,
        attempt,
        5,
        `Running version ${version.version} on ${loaded.description}`,
      )

      const controller = new AbortController()
      const progress = createProgressReporter({
        from: 5,
        to: 95,
        write: (value, line) => recordProgress(db, runId, attempt, value, line),
        onLost: () => controller.abort(),
      })
      // A strategy stuck inside one bar reports no progress; check ownership on a timer too, so
      // cancelling (or a newer attempt taking over) stops the sandbox anyway.
      const watchdog = setInterval(() => {
        void stillOwned(db, runId, attempt).then(
          (owned) => owned || controller.abort(),
          () => undefined,
        )
      }, OWNERSHIP_CHECK_MS)
      let result
      try {
        result = await runInSandbox(
          { tsSource: version.tsSource, bars, config: config.data.engine },
          {
            timeoutMs: config.data.timeoutSeconds * 1000,
            onProgress: (barIndex, total) => progress.report(barIndex, total),
            signal: controller.signal,
          },
        )
      } catch (error) {
        await progress.flush()
        // Cancelled, or a newer attempt took over: that side records the outcome.
        if (error instanceof SandboxCancelled) return
        if (error instanceof StrategyRunError) return await fail(error.message)
        throw error
      } finally {
        clearInterval(watchdog)
      }
      await progress.flush()
      const stored = toStoredResults(result, times)
      const summary = `Finished: ${result.trades.length} trades, stopped at ${result.stopReason}`
      if (await completeRun(db, run, attempt, stored, summary)) {
        await recordEvent(db, {
          userId,
          strategyId,
          type: 'backtest.finished',
          metadata: {
            runId,
            status: 'completed',
            tradeCount: result.trades.length,
            netProfit: result.stats.netProfit,
            riskScore: result.riskScore.score,
          },
        })
      }
    } catch (error) {
      // Out of retries: say so instead of leaving the run "running" forever. The cause (database
      // trouble) goes to the worker's log (job engine), not to the trader.
      if (isLastAttempt) {
        await fail(
          'The run could not be completed after several attempts; see the worker log',
        ).catch(() => undefined)
      }
      throw error
    }
  },
}
