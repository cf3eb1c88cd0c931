import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { DatabaseTarget, TestDatabase } from '@tradeloom/drizzle/testing'
import type { Hono } from 'hono'
import type { AppEnv, AppSettings } from '../app-env'
import { createApp } from '../app'
import { SESSION_COOKIE } from '../auth/cookies'
import { startServices } from '../start-services'
import type { Services } from '../start-services'
import type { CurrentUser } from '../users/current-user'

export interface JsonResponse {
  status: number
  // Tests walk response JSON freely; a wrong path fails the assertion that reads it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

/** A signed-in user of the test app: requests carry the session cookie and the CSRF header. */
export interface Agent {
  readonly user: CurrentUser
  readonly csrfToken: string
  /** `app.request` as this user. */
  request(path: string, init?: RequestInit): Promise<Response>
  /** JSON in and out: `call('POST', '/api/strategies', { name: 'x' })`. */
  call(method: string, path: string, body?: unknown): Promise<JsonResponse>
}

/** A real app on a throw-away database with pg-boss running and polling in-process. */
export interface TestServer extends Agent {
  readonly app: Hono<AppEnv>
  readonly services: Services
  readonly settings: AppSettings
  /** Registers another user (password `password123`) and acts as them, for isolation checks. */
  asUser(email: string): Promise<Agent>
  /** `app.request` without any cookie. */
  anonymous(path: string, init?: RequestInit): Promise<Response>
  /** With `listen`: `http://127.0.0.1:<port>`, also `settings.publicUrl`; else null. */
  readonly url: string | null
  close(): Promise<void>
}

export interface TestServerOptions {
  readonly settings?: Partial<AppSettings>
  /** Runs workers in this process (default true). */
  readonly workers?: boolean
  /**
   * Also serves the app over real HTTP on a free loopback port and makes that the public URL
   * (what paper terminals call back); default false.
   */
  readonly listen?: boolean
}

export const TEST_PASSWORD = 'password123'

export async function startTestServer(
  target: DatabaseTarget,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const test: TestDatabase = await target.open()
  const mode = options.settings?.mode ?? 'multi'
  // The listener starts before the app exists (its URL is part of the settings), so it hands
  // requests to whatever `handle` is by then.
  let handle: (request: Request) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 })
  const listener = options.listen ? await listenOnFreePort((request) => handle(request)) : null
  const services = await startServices({
    database: test.handle,
    // A schema per run keeps concurrent suites (and leftovers of crashed ones) apart.
    jobSchema: `pgboss_test_${randomUUID().replaceAll('-', '').slice(0, 10)}`,
    workers: options.workers ?? true,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
    localUser: mode === 'local',
  })
  const settings: AppSettings = {
    mode,
    localUser: services.localUser,
    trustProxy: false,
    maxUploadBytes: 2 * 1024 * 1024,
    backtestTimeoutSeconds: 60,
    // Nothing listens here; tests that need a reachable server pass their own.
    publicUrl: listener?.url ?? 'http://127.0.0.1:8787',
    paperTerminalUrl: listener?.url ?? 'http://127.0.0.1:8787',
    ...options.settings,
  }
  const app = createApp({
    db: test.handle.db,
    databaseKind: test.handle.kind,
    jobs: services.jobs,
    settings,
    webDist: null,
  })
  handle = (request) => app.fetch(request)
  const owner = await registerAgent(app, 'owner@tradeloom.test')
  return {
    ...owner,
    app,
    services,
    settings,
    asUser: (email) => registerAgent(app, email),
    anonymous: async (path, init) => app.request(path, init),
    url: listener?.url ?? null,
    async close() {
      await services.jobs.stop()
      await listener?.close()
      await test.dispose()
    },
  }
}

/** An HTTP server on 127.0.0.1 and a free port, answering with `fetch`. */
async function listenOnFreePort(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive connections (paper terminals' fetch) would hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}

/** Registers a user through the API and returns an agent holding their session. */
export async function registerAgent(app: Hono<AppEnv>, email: string): Promise<Agent> {
  const response = await app.request('/api/auth/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  })
  if (response.status !== 201) throw new Error(`register ${email}: ${await response.text()}`)
  const body = (await response.json()) as {
    user: { id: string; email: string; displayName: string; createdAt: string }
    csrfToken: string
  }
  return agentFor(app, sessionCookieOf(response), body.csrfToken, {
    ...body.user,
    createdAt: new Date(body.user.createdAt),
  })
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookieOf(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith(`${SESSION_COOKIE}=`))
  if (cookie === undefined) throw new Error('The response set no session cookie')
  return cookie.split(';')[0]!
}

export function agentFor(
  app: Hono<AppEnv>,
  cookie: string,
  csrfToken: string,
  user: CurrentUser,
): Agent {
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('cookie', cookie)
    if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', csrfToken)
    return Promise.resolve(app.request(path, { ...init, headers }))
  }
  return {
    user,
    csrfToken,
    request,
    async call(method, path, body) {
      const init: RequestInit = { method }
      if (body !== undefined) {
        init.body = JSON.stringify(body)
        init.headers = { 'content-type': 'application/json' }
      }
      const response = await request(path, init)
      const text = await response.text()
      return { status: response.status, body: text === '' ? null : JSON.parse(text) }
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
