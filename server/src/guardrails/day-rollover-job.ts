import { z } from 'zod'
import type { JobDefinition } from '../jobs/job-definition'
import { rollOverAccountDays } from './day-reset'

export const DAY_ROLLOVER_QUEUE = 'guardrails.day-rollover'

/**
 * Every minute: starts each account's new trading day at its midnight (`rollOverAccountDays`).
 * Runs that find nothing to do are cheap (one query); a missed run is caught up by the next, and
 * a heartbeat or deal after midnight rolls its own account over anyway.
 */
export const dayRolloverJob: JobDefinition<Record<string, never>> = {
  queue: DAY_ROLLOVER_QUEUE,
  payloadSchema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  // A run is superseded by the next minute's: no retries, a short expiry.
  queueOptions: { retryLimit: 0, expireInSeconds: 50 },
  schedule: { cron: '* * * * *' },
  async handle(_payload, { db }) {
    await rollOverAccountDays(db, new Date())
  },
}
