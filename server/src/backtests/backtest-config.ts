import { z } from 'zod'

/**
 * What a server-side backtest of the walking skeleton runs on: seeded synthetic bars (the product
 * ships no market data) and a starting balance. Bounds keep one run to well under a second.
 */
export const backtestConfigSchema = z.object({
  seed: z.int().min(0).max(2_147_483_647).default(1),
  barCount: z
    .int()
    .min(100, 'must be at least 100')
    .max(100_000, 'must be at most 100000')
    .default(2_000),
  initialCash: z.number().positive('must be positive').max(1_000_000_000).default(10_000),
})

export type BacktestRunConfig = z.infer<typeof backtestConfigSchema>
