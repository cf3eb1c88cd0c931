import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { users } from '@tradeloom/drizzle'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { isUniqueViolation } from '../db-errors'
import { ConflictError, UnauthorizedError } from '../errors'
import { validate } from '../validation'
import { clientIp } from './client-ip'
import { clearSessionCookies, readSessionToken, setSessionCookies } from './cookies'
import { toUserDto } from './dto'
import type { AuthStateDto, SignedInDto } from './dto'
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-rate-limit'
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password'
import { assertCsrfToken } from './session-resolver'
import { createSession, deleteSession, findSessionUser } from './session-store'
import { csrfTokenFor } from './tokens'

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'))

export const registerBody = z.object({
  email,
  password: z
    .string()
    .min(8, 'must be at least 8 characters')
    .max(200, 'must be at most 200 characters'),
  displayName: z.string().trim().min(1, 'must not be empty').max(80).optional(),
})

export const loginBody = z.object({
  email,
  password: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
})

/** `/api/auth`: who am I, register, log in, log out. */
export const authRoutes = new Hono<AppEnv>()
  .get('/me', async (c) => {
    const { db, settings } = c.var
    const token = readSessionToken(c)
    const user = token === undefined ? undefined : await findSessionUser(db, token)
    if (user !== undefined && token !== undefined) {
      const state: AuthStateDto = {
        mode: settings.mode,
        user: toUserDto(user),
        csrfToken: csrfTokenFor(token),
      }
      return c.json(state)
    }
    if (settings.mode === 'local' && settings.localUser !== null) {
      // Single-machine mode: nobody needs to sign in, so the first page load does it.
      const session = await createSession(db, settings.localUser.id)
      setSessionCookies(c, session)
      const state: AuthStateDto = {
        mode: 'local',
        user: toUserDto(settings.localUser),
        csrfToken: session.csrfToken,
      }
      return c.json(state)
    }
    const state: AuthStateDto = { mode: settings.mode, user: null, csrfToken: null }
    return c.json(state)
  })
  .post('/register', validate('json', registerBody), async (c) => {
    const { db } = c.var
    const body = c.req.valid('json')
    const passwordHash = await hashPassword(body.password)
    let row
    try {
      ;[row] = await db
        .insert(users)
        .values({
          email: body.email,
          displayName: body.displayName ?? body.email.split('@')[0]!,
          passwordHash,
        })
        .returning()
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `An account for ${body.email} already exists; sign in instead`,
          undefined,
          { cause: error },
          'email_taken',
        )
      }
      throw error
    }
    if (row === undefined) throw new Error('Inserting a user returned no row')
    const session = await createSession(db, row.id)
    setSessionCookies(c, session)
    const answer: SignedInDto = { user: toUserDto(row), csrfToken: session.csrfToken }
    return c.json(answer, 201)
  })
  .post('/login', validate('json', loginBody), async (c) => {
    const { db, settings } = c.var
    const { email, password } = c.req.valid('json')
    const ip = clientIp(c, settings.trustProxy)
    await assertLoginAllowed(db, email, ip)
    const [row] = await db.select().from(users).where(eq(users.email, email))
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_PASSWORD_HASH)
    if (row === undefined || !ok) {
      await recordLoginFailure(db, email, ip)
      throw new UnauthorizedError('Wrong email or password', 'invalid_credentials')
    }
    await clearLoginFailures(db, email)
    const session = await createSession(db, row.id)
    setSessionCookies(c, session)
    const answer: SignedInDto = { user: toUserDto(row), csrfToken: session.csrfToken }
    return c.json(answer, 200)
  })
  .post('/logout', async (c) => {
    const token = readSessionToken(c)
    if (token !== undefined && (await findSessionUser(c.var.db, token)) !== undefined) {
      // Logging someone out is a change too: a foreign page must not be able to do it.
      assertCsrfToken(c.req.header('x-csrf-token'), token)
      await deleteSession(c.var.db, token)
    }
    clearSessionCookies(c)
    return c.body(null, 204)
  })
