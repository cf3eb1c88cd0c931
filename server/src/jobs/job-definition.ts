import type { Db } from '@tradeloom/drizzle'
import type PgBoss from 'pg-boss'
import type { z } from 'zod'

/** What a job handler gets besides its payload. */
export interface JobContext {
  readonly db: Db
  readonly jobId: string
  /** True when a throw now would fail the job for good (no retry left). */
  readonly isLastAttempt: boolean
}

/**
 * One kind of background work: its queue, the payload it accepts and its handler. Handlers
 * throw only for what a retry could fix (database or network trouble); every other outcome,
 * failures included, is stored as the job's result.
 */
export interface JobDefinition<Payload> {
  readonly queue: string
  readonly payloadSchema: z.ZodType<Payload>
  /** Retry and expiry policy, applied when the queue is created. */
  readonly queueOptions: Omit<PgBoss.Queue, 'name'>
  handle(payload: Payload, context: JobContext): Promise<void>
}
