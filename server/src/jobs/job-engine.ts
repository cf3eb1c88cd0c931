import type { Db, JobConnection } from '@tradeloom/drizzle'
import PgBoss from 'pg-boss'
import type { JobDefinition } from './job-definition'

export type JobEngineState = 'stopped' | 'starting' | 'running' | 'stopping' | 'failed'

/** What `GET /api/health` reports about the job engine. */
export interface JobEngineStatus {
  state: JobEngineState
  queues: string[]
  /** Handlers polling in this process; 0 when only separate worker processes run jobs. */
  workers: number
}

export interface JobEngineOptions {
  readonly connection: JobConnection
  readonly jobs: readonly JobDefinition<unknown>[]
  /** pg-boss keeps its tables in this schema; tests use a unique one per run. */
  readonly schema?: string
  /** How often idle workers look for jobs (pg-boss minimum 0.5). */
  readonly pollingIntervalSeconds?: number
  /**
   * How often pg-boss's maintenance fails (and so retries) jobs still active past their expiry,
   * i.e. whose worker died. pg-boss's default is 120 s; ours 30 s.
   */
  readonly maintenanceIntervalSeconds?: number
}

/** pg-boss wrapped with our queue list, its state for the health check, and typed sending. */
export interface JobEngine {
  readonly schema: string
  status(): JobEngineStatus
  /** Starts pg-boss (creating or migrating its schema) and creates every queue. */
  start(): Promise<void>
  /**
   * Starts polling every queue in this process, `perQueue` jobs of each at a time (default 1);
   * `start` must have finished.
   */
  startWorkers(db: Db, perQueue?: number): Promise<void>
  /**
   * Enqueues a job; `id` lets the caller use its own row id as the job id, `expireInSeconds`
   * overrides the queue's expiry (after which a silent worker is presumed dead and the job retried).
   */
  send<Payload>(
    job: JobDefinition<Payload>,
    payload: Payload,
    options?: { id?: string; expireInSeconds?: number },
  ): Promise<string>
  /**
   * Cancels a queued or active job; pg-boss does not interrupt an active handler, but one running
   * in this process sees its `signal` aborted.
   */
  cancel(job: Pick<JobDefinition<unknown>, 'queue'>, id: string): Promise<void>
  /** Lets running jobs finish (up to a timeout), then stops polling and closes pg-boss's pool. */
  stop(): Promise<void>
}

export const DEFAULT_JOB_SCHEMA = 'pgboss'

/** `JobContext.signal.reason` when the job was cancelled: it should end for good. */
export const JOB_CANCELLED = 'cancelled'
/** `JobContext.signal.reason` when this process stops: a retry elsewhere may take over. */
export const ENGINE_STOPPING = 'stopping'

/** Creates the job engine on the same database as the app; nothing runs until `start`. */
export function createJobEngine(options: JobEngineOptions): JobEngine {
  const schema = options.schema ?? DEFAULT_JOB_SCHEMA
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1
  const boss = new PgBoss({
    ...options.connection,
    schema,
    // The timekeeper polls (on PGlite's single connection too), so it runs only when a job kind
    // is scheduled.
    schedule: options.jobs.some((job) => job.schedule !== undefined),
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  } as PgBoss.ConstructorOptions)
  let state: JobEngineState = 'stopped'
  let workers = 0
  // Handlers running in this process, by job id, so stop() and cancel() can tell them to end.
  const running = new Map<string, AbortController>()

  // pg-boss reports background trouble (maintenance, polling) as events; without a listener
  // Node would treat them as uncaught. They are transient, so log and keep going.
  boss.on('error', (error) => console.error(`pg-boss (${schema}):`, error.message))

  const engine: JobEngine = {
    schema,
    status: () => ({ state, queues: options.jobs.map((job) => job.queue), workers }),

    async start() {
      state = 'starting'
      try {
        await boss.start()
        for (const job of options.jobs)
          await boss.createQueue(job.queue, { name: job.queue, ...job.queueOptions })
        state = 'running'
      } catch (error) {
        state = 'failed'
        throw error
      }
    },

    async startWorkers(db, perQueue = 1) {
      for (const job of options.jobs) {
        for (let i = 0; i < (job.concurrency ?? perQueue); i++) {
          await boss.work<unknown>(
            job.queue,
            { pollingIntervalSeconds, batchSize: 1, includeMetadata: true },
            async (batch) => {
              for (const item of batch) await runOne(boss, engine, job, item, db, running)
            },
          )
          workers += 1
        }
        if (job.schedule !== undefined) {
          // One schedule per queue: registering again (another process, a restart) replaces it.
          await boss.schedule(job.queue, job.schedule.cron, {}, { tz: 'UTC' })
        }
      }
    },

    async send(job, payload, sendOptions = {}) {
      const data = job.payloadSchema.parse(payload) as object
      const options: PgBoss.SendOptions = {}
      if (sendOptions.id !== undefined) options.id = sendOptions.id
      if (sendOptions.expireInSeconds !== undefined) {
        options.expireInSeconds = sendOptions.expireInSeconds
      }
      const id = await boss.send(job.queue, data, options)
      if (id === null) throw new Error(`pg-boss did not accept the ${job.queue} job`)
      return id
    },

    async cancel(job, id) {
      await boss.cancel(job.queue, id)
      running.get(id)?.abort(JOB_CANCELLED)
    },

    async stop() {
      if (state === 'stopped') return
      state = 'stopping'
      for (const controller of running.values()) controller.abort(ENGINE_STOPPING)
      await boss.stop({ graceful: true, timeout: 10_000, close: true })
      workers = 0
      state = 'stopped'
    },
  }
  return engine
}

async function runOne(
  boss: PgBoss,
  engine: JobEngine,
  job: JobDefinition<unknown>,
  item: PgBoss.JobWithMetadata<unknown>,
  db: Db,
  running: Map<string, AbortController>,
): Promise<void> {
  const parsed = job.payloadSchema.safeParse(item.data)
  if (!parsed.success) {
    // No retry can fix a malformed payload: fail it once, visibly, instead of throwing.
    const message = `Invalid ${job.queue} payload: ${parsed.error.message}`
    console.error(message)
    await boss.fail(job.queue, item.id, { error: message })
    return
  }
  const attempt = `attempt ${item.retryCount + 1} of ${item.retryLimit + 1}`
  const controller = new AbortController()
  running.set(item.id, controller)
  try {
    await job.handle(parsed.data, {
      db,
      jobId: item.id,
      isLastAttempt: item.retryCount >= item.retryLimit,
      signal: controller.signal,
      jobs: engine,
    })
  } catch (error) {
    // pg-boss stores the error on the job but prints nothing; the operator needs to see it.
    console.error(`Job ${job.queue} ${item.id} failed (${attempt}):`, error)
    throw error
  } finally {
    running.delete(item.id)
  }
}
