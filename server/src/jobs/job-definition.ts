import type { Db } from '@tradeloom/drizzle'
import type PgBoss from 'pg-boss'
import type { z } from 'zod'
import type { JobEngine } from './job-engine'

/** What a job handler gets besides its payload. */
export interface JobContext {
  readonly db: Db
  readonly jobId: string
  /** True when a throw now would fail the job for good (no retry left). */
  readonly isLastAttempt: boolean
  /**
   * Aborted when the engine stops (process shutdown) or the job is cancelled through this
   * engine; pg-boss itself never interrupts a handler, so long-running handlers end on it. Its
   * `reason` is `JOB_CANCELLED` or `ENGINE_STOPPING` (job-engine.ts).
   */
  readonly signal: AbortSignal
  /** The engine running this job, for handlers that start further jobs. */
  readonly jobs: JobEngine
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
  /**
   * Jobs of this queue run at once per process, instead of the engine's `perQueue`: long-running
   * kinds (paper terminals) need several, or one would hold the queue.
   */
  readonly concurrency?: number
  /**
   * Run by pg-boss's clock on this cron expression (UTC, minute resolution) with an empty payload;
   * registered when workers start, so a process without workers schedules nothing.
   */
  readonly schedule?: { readonly cron: string }
  handle(payload: Payload, context: JobContext): Promise<void>
}
