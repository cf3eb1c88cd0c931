import { z } from 'zod'
import { timeParam } from '../datasets/time-param'

/** Engine settings a trader may choose for a run. */
export const engineConfigSchema = z.object({
  initialCash: z.number().positive('must be positive').max(1_000_000_000).default(10_000),
  lots: z.number().positive('must be positive').max(1_000).default(0.1),
  /** A catalogue symbol; default: the data set's, else the strategy's. */
  symbol: z.string().trim().min(1).max(32).optional(),
  /** Fixed spread in points instead of each bar's. */
  spread: z.number().min(0).max(100_000).optional(),
})

/**
 * `POST …/backtests`: on an uploaded data set (optionally a time range of it) or, without
 * `datasetId`, on seeded synthetic bars spaced like the strategy's timeframe.
 */
export const backtestRequestSchema = z
  .object({
    datasetId: z.uuid('must be a dataset id').optional(),
    from: timeParam.optional(),
    to: timeParam.optional(),
    seed: z.int().min(0).max(2_147_483_647).default(1),
    barCount: z
      .int()
      .min(100, 'must be at least 100')
      .max(200_000, 'must be at most 200000')
      .default(2_000),
    config: engineConfigSchema.default({ initialCash: 10_000, lots: 0.1 }),
  })
  .superRefine((body, ctx) => {
    if (body.datasetId === undefined && (body.from !== undefined || body.to !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'needs a datasetId' })
    }
    if (body.from !== undefined && body.to !== undefined && body.from > body.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' })
    }
  })

export type BacktestRequest = z.infer<typeof backtestRequestSchema>

/** What a run row stores as its config, and the worker reads back. */
export const storedRunConfigSchema = z.object({
  bars: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('synthetic'), seed: z.int(), barCount: z.int() }),
    z.object({
      kind: z.literal('dataset'),
      datasetId: z.uuid(),
      from: z.number().optional(),
      to: z.number().optional(),
    }),
  ]),
  engine: z.object({
    initialCash: z.number(),
    lots: z.number(),
    symbol: z.string(),
    spread: z.number().optional(),
  }),
  timeoutSeconds: z.number().positive(),
})

export type StoredRunConfig = z.infer<typeof storedRunConfigSchema>
