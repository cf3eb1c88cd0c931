import { eq } from 'drizzle-orm'
import { sessions, users } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionCookieOf, startTestServer, TEST_PASSWORD } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'
import { LOGIN_LIMITS } from './login-rate-limit'
import { hashSessionToken } from './tokens'

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

describe.each(databaseTargets())('accounts in multi-user mode on $name', (target) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(() => server?.close())

  it('registers, sets a hardened session cookie and stores only hashes', async () => {
    const response = await server.anonymous(
      '/api/auth/register',
      json({ email: ' New.User@Example.TEST ', password: 'long enough pw', displayName: 'New' }),
    )
    expect(response.status).toBe(201)
    const body = (await response.json()) as { user: { email: string }; csrfToken: string }
    expect(body.user).toMatchObject({ email: 'new.user@example.test', displayName: 'New' })
    expect(body.user).not.toHaveProperty('passwordHash')
    const cookies = response.headers.getSetCookie()
    const session = cookies.find((c) => c.startsWith('tradeloom_session='))!
    expect(session).toMatch(/HttpOnly/)
    expect(session).toMatch(/SameSite=Lax/)
    expect(session).toMatch(/Path=\//)
    expect(session).toMatch(/Expires=/)
    expect(session).not.toMatch(/Secure/)
    expect(cookies.find((c) => c.startsWith('tradeloom_csrf='))).not.toMatch(/HttpOnly/)

    const token = sessionCookieOf(response).split('=')[1]!
    const db = server.services.database.db
    const stored = await db.select().from(sessions)
    expect(stored.some((row) => row.tokenHash === token)).toBe(false)
    expect(stored.some((row) => row.tokenHash === hashSessionToken(token))).toBe(true)
    const [user] = await db.select().from(users).where(eq(users.email, 'new.user@example.test'))
    expect(user!.passwordHash).toMatch(/^scrypt\$/)
    expect(user!.passwordHash).not.toContain('long enough pw')
  })

  it('marks cookies Secure behind an https proxy', async () => {
    const response = await server.anonymous(
      '/api/auth/register',
      json(
        { email: 'tls@example.test', password: 'long enough pw' },
        { 'x-forwarded-proto': 'https' },
      ),
    )
    for (const cookie of response.headers.getSetCookie()) expect(cookie).toMatch(/; Secure/)
  })

  it('salts each password: equal passwords give different hashes', async () => {
    await server.asUser('twin-a@example.test')
    await server.asUser('twin-b@example.test')
    const rows = await server.services.database.db.select().from(users)
    const a = rows.find((r) => r.email === 'twin-a@example.test')!.passwordHash
    const b = rows.find((r) => r.email === 'twin-b@example.test')!.passwordHash
    expect(a).not.toBe(b)
  })

  it('refuses a second account for the same email and weak input', async () => {
    const again = await server.anonymous(
      '/api/auth/register',
      json({ email: 'owner@tradeloom.test', password: TEST_PASSWORD }),
    )
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('email_taken')
    const weak = await server.anonymous(
      '/api/auth/register',
      json({ email: 'not-an-email', password: 'short' }),
    )
    expect(weak.status).toBe(400)
    const issues = ((await weak.json()) as { error: { details: { issues: { path: string }[] } } })
      .error.details.issues
    expect(issues.map((i) => i.path)).toEqual(['email', 'password'])
  })

  it('needs a session for the API and says so with 401', async () => {
    const response = await server.anonymous('/api/strategies')
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: { code: 'unauthorized', message: 'Sign in to continue' },
    })
    const me = await server.anonymous('/api/auth/me')
    expect(await me.json()).toEqual({ mode: 'multi', user: null, csrfToken: null })
  })

  it('logs in, reports who is signed in, and logs out for good', async () => {
    const login = await server.anonymous(
      '/api/auth/login',
      json({ email: 'owner@tradeloom.test', password: TEST_PASSWORD }),
    )
    expect(login.status).toBe(200)
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const cookie = sessionCookieOf(login)
    const me = await server.anonymous('/api/auth/me', { headers: { cookie } })
    expect(await me.json()).toMatchObject({
      mode: 'multi',
      user: { email: 'owner@tradeloom.test' },
      csrfToken,
    })
    const out = await server.anonymous('/api/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().join()).toMatch(/tradeloom_session=;/)
    expect((await server.anonymous('/api/strategies', { headers: { cookie } })).status).toBe(401)
  })

  it('requires the CSRF token for cookie-authenticated changes and changes nothing without it', async () => {
    const before = (await server.call('GET', '/api/strategies')).body.length
    const post = (headers: Record<string, string>) =>
      server.request('/api/strategies', json({ name: 'Forged' }, headers))
    const missing = await server.app.request(
      '/api/strategies',
      json({ name: 'Forged' }, { cookie: `tradeloom_session=${'x'}` }),
    )
    expect(missing.status).toBe(401)
    const wrong = await post({ 'x-csrf-token': 'not-the-token' })
    expect(wrong.status).toBe(403)
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('csrf_failed')
    const foreign = await post({ origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect((await server.call('GET', '/api/strategies')).body.length).toBe(before)
    // Reads need no token; the right token lets the change through.
    expect(
      (await server.request('/api/strategies', { headers: { 'x-csrf-token': '' } })).status,
    ).toBe(200)
    expect((await post({ origin: 'http://localhost' })).status).toBe(201)
  })

  it('rate-limits failed logins per account, even for the right password afterwards', async () => {
    await server.asUser('target@example.test')
    const attempt = (password: string) =>
      server.anonymous('/api/auth/login', json({ email: 'target@example.test', password }))
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) {
      expect((await attempt('wrong password')).status).toBe(401)
    }
    const blocked = await attempt(TEST_PASSWORD)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    const body = (await blocked.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('too_many_attempts')
    expect(body.error.message).toMatch(
      /^Too many failed sign-in attempts; try again in \d+ minutes$/,
    )
    // Other accounts are unaffected.
    const other = await server.anonymous(
      '/api/auth/login',
      json({ email: 'owner@tradeloom.test', password: TEST_PASSWORD }),
    )
    expect(other.status).toBe(200)
  })

  it('ends a session at its expiry', async () => {
    const agent = await server.asUser('expiring@example.test')
    expect((await agent.request('/api/strategies')).status).toBe(200)
    const db = server.services.database.db
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, agent.user.id))
    expect((await agent.request('/api/strategies')).status).toBe(401)
  })

  it('does not say whether an email exists', async () => {
    const unknown = await server.anonymous(
      '/api/auth/login',
      json({ email: 'nobody@example.test', password: 'whatever1' }),
    )
    const wrong = await server.anonymous(
      '/api/auth/login',
      json({ email: 'owner@tradeloom.test', password: 'whatever1' }),
    )
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toEqual(await wrong.json())
  })
})

describe.each(databaseTargets())('single-user local mode on $name', (target) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(target, { settings: { mode: 'local' } })
  })
  afterAll(() => server?.close())

  it('signs the local user in on the first visit, with a working CSRF token', async () => {
    const me = await server.anonymous('/api/auth/me')
    const body = (await me.json()) as { mode: string; user: { email: string }; csrfToken: string }
    expect(body).toMatchObject({ mode: 'local', user: { email: 'local@tradeloom.local' } })
    const cookie = sessionCookieOf(me)
    const created = await server.anonymous(
      '/api/strategies',
      json({ name: 'Local' }, { cookie, 'x-csrf-token': body.csrfToken }),
    )
    expect(created.status).toBe(201)
    const again = await server.anonymous('/api/auth/me', { headers: { cookie } })
    expect(again.headers.getSetCookie()).toEqual([])
    expect(((await again.json()) as { csrfToken: string }).csrfToken).toBe(body.csrfToken)
  })

  it('still refuses changes without the CSRF token', async () => {
    const me = await server.anonymous('/api/auth/me')
    const cookie = sessionCookieOf(me)
    const forged = await server.anonymous('/api/strategies', json({ name: 'Forged' }, { cookie }))
    expect(forged.status).toBe(403)
  })

  it('has no password for the local user, so nobody can log in as it', async () => {
    const login = await server.anonymous(
      '/api/auth/login',
      json({ email: 'local@tradeloom.local', password: 'anything at all' }),
    )
    expect(login.status).toBe(401)
  })
})
