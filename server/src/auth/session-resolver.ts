import { timingSafeEqual } from 'node:crypto'
import { ForbiddenError } from '../errors'
import type { UserResolver } from '../users/current-user'
import { readSessionToken } from './cookies'
import { findSessionUser } from './session-store'
import { csrfTokenFor } from './tokens'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Resolves the user from the session cookie. A cookie-authenticated change (POST, PUT, PATCH,
 * DELETE) must also carry the session's CSRF token in `X-CSRF-Token`: a form or script on another
 * site sends the cookie but cannot read the token.
 */
export function sessionUserResolver(): UserResolver {
  return async (c) => {
    const token = readSessionToken(c)
    if (token === undefined) return null
    const user = await findSessionUser(c.var.db, token)
    if (user === undefined) return null
    if (!SAFE_METHODS.has(c.req.method)) assertCsrfToken(c.req.header('x-csrf-token'), token)
    return user
  }
}

/** Throws 403 `csrf_failed` unless `sent` is the CSRF token of the session `token`. */
export function assertCsrfToken(sent: string | undefined, token: string): void {
  const expected = Buffer.from(csrfTokenFor(token))
  const given = Buffer.from(sent ?? '')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ForbiddenError(
      'csrf_failed',
      sent === undefined
        ? 'Missing X-CSRF-Token header: send the csrfToken from GET /api/auth/me with every change'
        : 'Wrong X-CSRF-Token header: it must be the csrfToken of this session (GET /api/auth/me)',
    )
  }
}
