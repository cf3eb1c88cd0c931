import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Db } from '@tradeloom/drizzle'
import type { AppEnv } from './app-env'
import { backtestRoutes } from './backtests/routes'
import { handleApiNotFound, handleError } from './error-handler'
import { healthRoutes } from './health/routes'
import type { JobEngine } from './jobs/job-engine'
import { strategyRoutes } from './strategies/routes'
import { currentUser } from './users/current-user'
import type { UserResolver } from './users/current-user'
import { versionRoutes } from './versions/routes'
import { serveWeb } from './web/serve-web'

/** Everything the app needs from outside; tests pass their own. */
export interface AppDeps {
  readonly db: Db
  readonly databaseKind: 'pglite' | 'postgres'
  readonly jobs: JobEngine
  /** Who is asking: the local user today, a session lookup with accounts. */
  readonly resolveUser: UserResolver
  /** The built web app to serve, or null to serve the API only. Default: `web/dist`. */
  readonly webDist?: string | null
}

// A graph at the compiler's limits (2000 nodes, 8000 edges) stays well below this.
const MAX_BODY_BYTES = 5 * 1024 * 1024

// The typed API, chained so that `hc<AppType>()` in the web app knows every route and body.
const api = new Hono<AppEnv>()
  .basePath('/api')
  .route('/health', healthRoutes)
  .route('/strategies', strategyRoutes)
  .route('/strategies', versionRoutes)
  .route('/', backtestRoutes)

/** The API's route types for Hono's RPC client: `hc<AppType>(origin).api.strategies.$get()`. */
export type AppType = typeof api

/** Builds the HTTP app: API under `/api`, the web app everywhere else, one error shape. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('db', deps.db)
    c.set('databaseKind', deps.databaseKind)
    c.set('jobs', deps.jobs)
    await next()
  })
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        const message = `Body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`
        return c.json({ error: { code: 'payload_too_large', message } }, 413)
      },
    }),
  )
  // Every route that touches user-owned rows sits behind this one middleware.
  const requireUser = currentUser(deps.resolveUser)
  app.use('/api/strategies', requireUser)
  app.use('/api/strategies/*', requireUser)
  app.use('/api/backtests/*', requireUser)

  app.route('/', api)
  app.all('/api/*', handleApiNotFound)
  if (deps.webDist !== null) serveWeb(app, deps.webDist)
  app.notFound(handleApiNotFound)
  app.onError(handleError)
  return app
}
