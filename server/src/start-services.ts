import { applyMigrations } from '@tradeloom/drizzle'
import type { DatabaseHandle } from '@tradeloom/drizzle'
import { createJobEngine } from './jobs/job-engine'
import type { JobEngine } from './jobs/job-engine'
import { jobDefinitions } from './jobs/registry'
import { ensureLocalUser } from './users/ensure-local-user'
import type { CurrentUser } from './users/current-user'

export interface ServicesOptions {
  readonly database: DatabaseHandle
  /** pg-boss schema; default `pgboss`. */
  readonly jobSchema?: string
  /** Poll queues in this process. */
  readonly workers: boolean
  readonly pollingIntervalSeconds?: number
  /** How often pg-boss fails jobs whose worker went silent past their expiry (default 30 s). */
  readonly maintenanceIntervalSeconds?: number
  /** Jobs of each queue run at once in this process (default 1). */
  readonly workersPerQueue?: number
  /** Create the passwordless local user (single-machine mode). */
  readonly localUser?: boolean
}

export interface Services {
  readonly database: DatabaseHandle
  readonly jobs: JobEngine
  /** The local user in single-machine mode, else null. */
  readonly localUser: CurrentUser | null
  /** Stops the job engine (letting running jobs finish), then closes the database. */
  close(): Promise<void>
}

/**
 * What both entry points (HTTP and worker) do at start, in order: apply migrations, make sure the
 * local user exists (local mode), start pg-boss with every queue, and optionally start polling.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const { database } = options
  await applyMigrations(database)
  const localUser = options.localUser ? await ensureLocalUser(database.db) : null
  const jobs = createJobEngine({
    connection: database.jobConnection,
    jobs: jobDefinitions,
    schema: options.jobSchema,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
  })
  await jobs.start()
  if (options.workers) await jobs.startWorkers(database.db, options.workersPerQueue)
  return {
    database,
    jobs,
    localUser,
    async close() {
      try {
        await jobs.stop()
      } finally {
        await database.close()
      }
    },
  }
}
