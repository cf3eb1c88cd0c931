import { z } from 'zod'

/**
 * Queue names and payload schemas, in one place so that the API (which sends) and the workers
 * (which receive) cannot disagree.
 */
export const BACKTEST_RUN_QUEUE = 'backtest.run'
export const BUILD_RUN_QUEUE = 'build.run'

/** A backtest job carries only the run's id; everything else is read from its row. */
export const backtestRunPayloadSchema = z.object({ runId: z.uuid() })
export type BacktestRunPayload = z.infer<typeof backtestRunPayloadSchema>

/** A build job carries only the build task's id. */
export const buildRunPayloadSchema = z.object({ buildId: z.uuid() })
export type BuildRunPayload = z.infer<typeof buildRunPayloadSchema>
