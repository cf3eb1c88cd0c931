import { createHash, randomBytes } from 'node:crypto'

/** A new session token: 32 random bytes, base64url (the cookie's value). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database stores for a session token: its SHA-256, hex. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * The CSRF token of a session, derived from the session token so nothing more is stored: a page
 * on another site cannot read it, and knowing it does not reveal the session token.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf\0${sessionToken}`).digest('base64url')
}
