import type { Db } from '@tradeloom/drizzle'
import type { ServerMode } from './config'
import type { JobEngine } from './jobs/job-engine'
import type { CurrentUser } from './users/current-user'

/** Settings handlers need, fixed at start. */
export interface AppSettings {
  readonly mode: ServerMode
  /** The local user (local mode only), whom `GET /api/auth/me` signs in without a password. */
  readonly localUser: CurrentUser | null
  /** Trust `X-Forwarded-For` for the client address. */
  readonly trustProxy: boolean
  /** Largest CSV upload, in bytes. */
  readonly maxUploadBytes: number
  /** Wall-clock limit of one backtest in its sandbox. */
  readonly backtestTimeoutSeconds: number
  /** The `serverUrl` baked into EAs and given to paper terminals (`TRADELOOM_PUBLIC_URL`). */
  readonly publicUrl: string
  /** Where paper terminals reach this server (`TRADELOOM_PAPER_TERMINAL_URL`). */
  readonly paperTerminalUrl: string
}

/**
 * What every handler finds on `c.var`: the injected dependencies (set once per request by
 * `createApp`) and, behind the `currentUser` middleware, who is asking.
 */
export interface AppEnv {
  Variables: {
    db: Db
    databaseKind: 'pglite' | 'postgres'
    jobs: JobEngine
    settings: AppSettings
    user: CurrentUser
  }
}
