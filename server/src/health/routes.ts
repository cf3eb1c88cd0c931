import { Hono } from 'hono'
import { sql } from 'drizzle-orm'
import type { AppEnv } from '../app-env'

/** `GET /api/health`: is the database reachable, which one is it, and is the job engine up. */
export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { db, databaseKind, jobs } = c.var
  let databaseOk = true
  try {
    await db.execute(sql`select 1`)
  } catch (error) {
    console.error('Health check: database unreachable:', error)
    databaseOk = false
  }
  const jobStatus = jobs.status()
  const ok = databaseOk && jobStatus.state === 'running'
  return c.json(
    {
      status: ok ? ('ok' as const) : ('degraded' as const),
      database: databaseKind,
      databaseOk,
      jobs: jobStatus,
    },
    ok ? 200 : 503,
  )
})
