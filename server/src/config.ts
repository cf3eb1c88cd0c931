import { DEFAULT_JOB_SCHEMA } from './jobs/job-engine'

/** Process settings read from the environment once, at start. */
export interface ServerConfig {
  readonly port: number
  readonly host: string
  /** Run pg-boss workers inside the HTTP process (always on with PGlite). */
  readonly inProcessWorkers: boolean
  /** PostgreSQL schema for pg-boss's tables. */
  readonly jobSchema: string
  /** Built web app folder; undefined means the default `web/dist`. */
  readonly webDist: string | undefined
}

/**
 * Reads `PORT` (default 8787), `HOST` (default 127.0.0.1; docker sets 0.0.0.0),
 * `TRADELOOM_IN_PROCESS_WORKERS` (`false`/`0` leaves jobs to `npm run worker`),
 * `TRADELOOM_JOB_SCHEMA` (default `pgboss`) and `TRADELOOM_WEB_DIST`. Bad values stop the start
 * with a message naming the variable.
 */
export function readServerConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ServerConfig {
  const port = Number(env.PORT ?? '8787')
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`)
  }
  const jobSchema = env.TRADELOOM_JOB_SCHEMA?.trim() || DEFAULT_JOB_SCHEMA
  if (!/^[a-z_][a-z0-9_]*$/.test(jobSchema)) {
    throw new Error(`TRADELOOM_JOB_SCHEMA must be a lowercase SQL identifier, got "${jobSchema}"`)
  }
  const workers = env.TRADELOOM_IN_PROCESS_WORKERS?.trim().toLowerCase()
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    inProcessWorkers: !(workers === 'false' || workers === '0' || workers === 'no'),
    jobSchema,
    webDist: env.TRADELOOM_WEB_DIST?.trim() || undefined,
  }
}
