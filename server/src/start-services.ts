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
}

export interface Services {
  readonly database: DatabaseHandle
  readonly jobs: JobEngine
  readonly localUser: CurrentUser
  /** Stops the job engine (letting running jobs finish), then closes the database. */
  close(): Promise<void>
}

/**
 * What both entry points (HTTP and worker) do at start, in order: apply migrations, make sure the
 * local user exists, start pg-boss with every queue, and optionally start polling.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const { database } = options
  await applyMigrations(database)
  const localUser = await ensureLocalUser(database.db)
  const jobs = createJobEngine({
    connection: database.jobConnection,
    jobs: jobDefinitions,
    schema: options.jobSchema,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  })
  await jobs.start()
  if (options.workers) await jobs.startWorkers(database.db)
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
