import type { Db } from '@tradeloom/drizzle'
import type { JobEngine } from './jobs/job-engine'
import type { CurrentUser } from './users/current-user'

/**
 * What every handler finds on `c.var`: the injected dependencies (set once per request by
 * `createApp`) and, behind the `currentUser` middleware, who is asking.
 */
export interface AppEnv {
  Variables: {
    db: Db
    databaseKind: 'pglite' | 'postgres'
    jobs: JobEngine
    user: CurrentUser
  }
}
