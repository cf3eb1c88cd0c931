import { findVersionForWorker } from '../versions/queries'
import { BACKTEST_RUN_QUEUE, backtestRunPayloadSchema } from '../jobs/queues'
import type { BacktestRunPayload } from '../jobs/queues'
import type { JobDefinition } from '../jobs/job-definition'
import { backtestConfigSchema } from './backtest-config'
import { completeRun, failRun, findRunForWorker, markRunning, recordProgress } from './queries'
import { simulateBacktest, StrategyRunError } from './simulate-backtest'
import { timeframeSeconds } from './timeframe-seconds'

/**
 * `backtest.run`: runs one stored backtest run. Strategy problems end the run as `failed` with a
 * reason; only database trouble is thrown, so pg-boss retries it. Results are written by the
 * first attempt that finishes, never twice.
 */
export const backtestJob: JobDefinition<BacktestRunPayload> = {
  queue: BACKTEST_RUN_QUEUE,
  payloadSchema: backtestRunPayloadSchema,
  queueOptions: { retryLimit: 2, retryDelay: 2, expireInSeconds: 15 * 60 },

  async handle({ runId }, { db, isLastAttempt }) {
    const run = await findRunForWorker(db, runId)
    // Deleted with its strategy, or finished by an earlier attempt: nothing left to do.
    if (run === undefined || run.status === 'completed' || run.status === 'failed') return
    try {
      await markRunning(db, runId, 'Started')
      const version = await findVersionForWorker(db, run.userId, run.versionId)
      if (version === undefined) {
        await failRun(db, runId, 'The strategy version no longer exists')
        return
      }
      const config = backtestConfigSchema.safeParse(run.config)
      if (!config.success) {
        await failRun(db, runId, `The run's configuration is invalid: ${config.error.message}`)
        return
      }
      const timeframe = (version.graph as { meta?: { timeframe?: unknown } }).meta?.timeframe
      const { seed, barCount } = config.data
      await recordProgress(
        db,
        runId,
        20,
        `Running version ${version.version} on ${barCount} synthetic ${String(timeframe ?? 'H1')} bars (seed ${seed})`,
      )
      let output
      try {
        output = simulateBacktest({
          tsSource: version.tsSource,
          config: config.data,
          timeframeSeconds: timeframeSeconds(timeframe),
        })
      } catch (error) {
        if (!(error instanceof StrategyRunError)) throw error
        await failRun(db, runId, error.message)
        return
      }
      const { stats, trades, equity, stopReason } = output
      const summary = `Finished: ${trades.length} trades, stopped at ${stopReason}`
      await completeRun(db, runId, { stats, trades, equity }, summary)
    } catch (error) {
      // Out of retries: say so instead of leaving the run "running" forever. The cause (database
      // trouble) goes to the worker's log (job engine), not to the trader.
      if (isLastAttempt) {
        const reason = 'The run could not be completed after several attempts; see the worker log'
        await failRun(db, runId, reason).catch(() => false)
      }
      throw error
    }
  },
}
