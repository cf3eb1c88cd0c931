import { randomUUID } from 'node:crypto'
import type { DatabaseTarget, TestDatabase } from '@tradeloom/drizzle/testing'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { createApp } from '../app'
import { startServices } from '../start-services'
import type { Services } from '../start-services'
import { ensureLocalUser } from '../users/ensure-local-user'
import { localUserResolver } from '../users/current-user'
import type { CurrentUser } from '../users/current-user'

export interface JsonResponse {
  status: number
  // Tests walk response JSON freely; a wrong path fails the assertion that reads it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

/** A real app on a throw-away database with pg-boss running and polling in-process. */
export interface TestServer {
  readonly app: Hono<AppEnv>
  readonly services: Services
  readonly user: CurrentUser
  /** `app.request` with JSON in and out: `call('POST', '/api/strategies', { name: 'x' })`. */
  call(method: string, path: string, body?: unknown): Promise<JsonResponse>
  /** The same app acting as another user, for isolation checks. */
  asUser(email: string): Promise<Hono<AppEnv>>
  close(): Promise<void>
}

export async function startTestServer(target: DatabaseTarget): Promise<TestServer> {
  const test: TestDatabase = await target.open()
  const services = await startServices({
    database: test.handle,
    // A schema per run keeps concurrent suites (and leftovers of crashed ones) apart.
    jobSchema: `pgboss_test_${randomUUID().replaceAll('-', '').slice(0, 10)}`,
    workers: true,
    pollingIntervalSeconds: 0.5,
  })
  const deps = {
    db: test.handle.db,
    databaseKind: test.handle.kind,
    jobs: services.jobs,
    webDist: null,
  }
  const app = createApp({ ...deps, resolveUser: localUserResolver(services.localUser) })
  return {
    app,
    services,
    user: services.localUser,
    async call(method, path, body) {
      const init: RequestInit = { method }
      if (body !== undefined) {
        init.body = JSON.stringify(body)
        init.headers = { 'content-type': 'application/json' }
      }
      const response = await app.request(path, init)
      const text = await response.text()
      return { status: response.status, body: text === '' ? null : JSON.parse(text) }
    },
    async asUser(email) {
      const other = await ensureLocalUser(test.handle.db, email, email)
      return createApp({ ...deps, resolveUser: localUserResolver(other) })
    },
    async close() {
      await services.jobs.stop()
      await test.dispose()
    },
  }
}

/** Polls `read` until `done` holds, failing with the last value after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting; last value: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
