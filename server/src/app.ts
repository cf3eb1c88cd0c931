import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Db } from '@tradeloom/drizzle'
import type { AppEnv, AppSettings } from './app-env'
import { originGuard } from './auth/origin-guard'
import { authRoutes } from './auth/routes'
import { sessionUserResolver } from './auth/session-resolver'
import { backtestRoutes } from './backtests/routes'
import { buildRoutes } from './builds/routes'
import { datasetRoutes } from './datasets/routes'
import { deploymentRoutes } from './deployments/routes'
import { eaRoutes } from './ea-protocol/routes'
import { handleApiNotFound, handleError } from './error-handler'
import { eventRoutes } from './events/routes'
import { timelineRoutes } from './events/timeline-routes'
import { executionQualityRoutes } from './execution-quality/routes'
import { healthRoutes } from './health/routes'
import { guardrailRoutes } from './guardrails/routes'
import type { JobEngine } from './jobs/job-engine'
import { killSwitchRoutes } from './kill-switch/routes'
import { strategyRoutes } from './strategies/routes'
import { currentUser } from './users/current-user'
import type { UserResolver } from './users/current-user'
import { openApiRoutes } from './openapi/routes'
import { shareRoutes } from './shares/routes'
import { artifactRoutes } from './versions/artifact-routes'
import { connectorRoutes, eaAccountRoutes } from './trading-accounts/connector-routes'
import { tradingAccountRoutes } from './trading-accounts/routes'
import { versionRoutes } from './versions/routes'
import { serveWeb } from './web/serve-web'

/** Everything the app needs from outside; tests pass their own. */
export interface AppDeps {
  readonly db: Db
  readonly databaseKind: 'pglite' | 'postgres'
  readonly jobs: JobEngine
  readonly settings: AppSettings
  /** Who is asking; default: the session cookie (with its CSRF check). */
  readonly resolveUser?: UserResolver
  /** The built web app to serve, or null to serve the API only. Default: `web/dist`. */
  readonly webDist?: string | null
}

// A graph at the compiler's limits (2000 nodes, 8000 edges) stays well below this.
const MAX_BODY_BYTES = 5 * 1024 * 1024

// Routes anyone may call (and /api/share/:token, and the EA protocol under /api/ea/, which
// authenticates with per-deployment bearer tokens instead of sessions); everything else under
// /api needs a user.
const PUBLIC_PATHS = [
  '/api/health',
  '/api/auth/me',
  '/api/auth/register',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/openapi.json',
  '/api/docs',
]

// The typed API, chained so that `hc<AppType>()` in the web app knows every route and body.
const api = new Hono<AppEnv>()
  .basePath('/api')
  .route('/health', healthRoutes)
  .route('/auth', authRoutes)
  .route('/strategies', strategyRoutes)
  .route('/strategies', versionRoutes)
  .route('/strategies', artifactRoutes)
  .route('/strategies', eventRoutes)
  .route('/datasets', datasetRoutes)
  .route('/', backtestRoutes)
  .route('/', buildRoutes)
  .route('/', shareRoutes)
  .route('/', openApiRoutes)
  .route('/deployments', deploymentRoutes)
  .route('/execution-quality', executionQualityRoutes)
  .route('/events', timelineRoutes)
  .route('/ea', eaRoutes)
  .route('/trading-accounts', tradingAccountRoutes)
  .route('/trading-accounts', guardrailRoutes)
  .route('/trading-accounts', connectorRoutes)
  .route('/kill-switch', killSwitchRoutes)
  .route('/ea/v1/accounts', eaAccountRoutes)

/** The API's route types for Hono's RPC client: `hc<AppType>(origin).api.strategies.$get()`. */
export type AppType = typeof api

/** Builds the HTTP app: API under `/api`, the web app everywhere else, one error shape. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('db', deps.db)
    c.set('databaseKind', deps.databaseKind)
    c.set('jobs', deps.jobs)
    c.set('settings', deps.settings)
    await next()
  })
  app.use('/api/*', async (c, next) => {
    // Uploads stream through their own, larger limit (datasets/read-upload.ts).
    if (c.req.method === 'POST' && c.req.path === '/api/datasets') return next()
    return jsonBodyLimit(c, next)
  })
  app.use('/api/*', originGuard())
  // Every route that touches user-owned rows sits behind this one middleware.
  app.use(
    '/api/*',
    currentUser(
      deps.resolveUser ?? sessionUserResolver(),
      (path) =>
        PUBLIC_PATHS.includes(path) ||
        path.startsWith('/api/share/') ||
        path.startsWith('/api/ea/'),
    ),
  )

  app.route('/', api)
  app.all('/api/*', handleApiNotFound)
  if (deps.webDist !== null) serveWeb(app, deps.webDist)
  app.notFound(handleApiNotFound)
  app.onError(handleError)
  return app
}

const jsonBodyLimit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => {
    const message = `Body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`
    return c.json({ error: { code: 'payload_too_large', message } }, 413)
  },
})
