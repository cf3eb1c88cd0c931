import { z } from 'zod'

/**
 * Queue names and payload schemas, in one place so that the API (which sends) and the workers
 * (which receive) cannot disagree.
 */
export const BACKTEST_RUN_QUEUE = 'backtest.run'

/** A backtest job carries only the run's id; everything else is read from its row. */
export const backtestRunPayloadSchema = z.object({ runId: z.uuid() })
export type BacktestRunPayload = z.infer<typeof backtestRunPayloadSchema>
