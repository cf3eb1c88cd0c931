import { DEFAULT_JOB_SCHEMA } from './jobs/job-engine'

/** Single-user local mode (no logins needed) or multi-user mode (accounts required). */
export type ServerMode = 'local' | 'multi'

/** Process settings read from the environment once, at start. */
export interface ServerConfig {
  readonly port: number
  readonly host: string
  readonly mode: ServerMode
  /** Run pg-boss workers inside the HTTP process (always on with PGlite). */
  readonly inProcessWorkers: boolean
  /** PostgreSQL schema for pg-boss's tables. */
  readonly jobSchema: string
  /** Built web app folder; undefined means the default `web/dist`. */
  readonly webDist: string | undefined
  /** Largest CSV upload accepted, in bytes. */
  readonly maxUploadBytes: number
  /** Wall-clock limit of one backtest in its sandbox, in seconds. */
  readonly backtestTimeoutSeconds: number
  /** Trust `X-Forwarded-For` for the client address (login rate limiting) behind a proxy. */
  readonly trustProxy: boolean
  /** Jobs of one queue this process runs at once (each backtest has its own thread). */
  readonly workersPerQueue: number
  /**
   * Where EAs and paper terminals reach this server (`serverUrl` of the EA protocol), without a
   * trailing slash.
   */
  readonly publicUrl: string
  /**
   * Where paper terminals (job workers, perhaps other machines or containers) reach this server;
   * default `publicUrl`. Docker sets the service name here, while EAs keep the public URL.
   */
  readonly paperTerminalUrl: string
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * Reads `PORT` (default 8787), `HOST` (default 127.0.0.1; docker sets 0.0.0.0), `TRADELOOM_MODE`
 * (`local` or `multi`; default `local` without `DATABASE_URL`, `multi` with it),
 * `TRADELOOM_IN_PROCESS_WORKERS` (`false`/`0` leaves jobs to `npm run worker`),
 * `TRADELOOM_JOB_SCHEMA` (default `pgboss`), `TRADELOOM_WEB_DIST`, `TRADELOOM_MAX_UPLOAD_MB`
 * (default 50), `TRADELOOM_BACKTEST_TIMEOUT_SECONDS` (default 300), `TRADELOOM_TRUST_PROXY` and
 * `TRADELOOM_WORKERS_PER_QUEUE` (default 1), `TRADELOOM_PUBLIC_URL` (default
 * `http://127.0.0.1:<PORT>`) and `TRADELOOM_PAPER_TERMINAL_URL` (default the public URL).
 * Bad values stop the start with a message naming the variable.
 */
export function readServerConfig(env: Env = process.env): ServerConfig {
  const port = Number(env.PORT ?? '8787')
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`)
  }
  const jobSchema = env.TRADELOOM_JOB_SCHEMA?.trim() || DEFAULT_JOB_SCHEMA
  if (!/^[a-z_][a-z0-9_]*$/.test(jobSchema)) {
    throw new Error(`TRADELOOM_JOB_SCHEMA must be a lowercase SQL identifier, got "${jobSchema}"`)
  }
  const publicUrl = readBaseUrl(env, 'TRADELOOM_PUBLIC_URL') ?? `http://127.0.0.1:${port}`
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    mode: readMode(env),
    inProcessWorkers: !isFalse(env.TRADELOOM_IN_PROCESS_WORKERS),
    jobSchema,
    webDist: env.TRADELOOM_WEB_DIST?.trim() || undefined,
    maxUploadBytes: readNumber(env, 'TRADELOOM_MAX_UPLOAD_MB', 50, 1, 2_000) * 1024 * 1024,
    backtestTimeoutSeconds: readNumber(env, 'TRADELOOM_BACKTEST_TIMEOUT_SECONDS', 300, 1, 3_600),
    trustProxy: isTrue(env.TRADELOOM_TRUST_PROXY),
    workersPerQueue: readNumber(env, 'TRADELOOM_WORKERS_PER_QUEUE', 1, 1, 16),
    publicUrl,
    paperTerminalUrl: readBaseUrl(env, 'TRADELOOM_PAPER_TERMINAL_URL') ?? publicUrl,
  }
}

/**
 * The base URL baked into EAs. Only its shape is checked here: whether an EA may use it (https, or
 * plain http to a loopback host) is the compiler's rule, reported when a live deployment is handed
 * off, so a server used with paper accounts only may run behind plain http.
 */
function readBaseUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${raw}"`)
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new Error(
      `${name} must be http(s)://host[:port][/path] without query, fragment or user, got "${raw}"`,
    )
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function readMode(env: Env): ServerMode {
  const mode = env.TRADELOOM_MODE?.trim().toLowerCase()
  if (mode === undefined || mode === '') return env.DATABASE_URL?.trim() ? 'multi' : 'local'
  if (mode === 'local' || mode === 'multi') return mode
  throw new Error(`TRADELOOM_MODE must be "local" or "multi", got "${env.TRADELOOM_MODE}"`)
}

function readNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

function isFalse(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase()
  return v === 'false' || v === '0' || v === 'no'
}

function isTrue(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase()
  return v === 'true' || v === '1' || v === 'yes'
}
