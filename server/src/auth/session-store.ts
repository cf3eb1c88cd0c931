import { and, eq, gt, lt } from 'drizzle-orm'
import { sessions, users } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import type { CurrentUser } from '../users/current-user'
import { csrfTokenFor, hashSessionToken, newSessionToken } from './tokens'

/** How long a sign-in lasts. */
export const SESSION_DAYS = 30

/** A session as handed to the browser: the raw token goes into the cookie, never the database. */
export interface NewSession {
  readonly token: string
  readonly csrfToken: string
  readonly expiresAt: Date
}

/** Signs a user in: stores the hash of a fresh token and returns the token. */
export async function createSession(db: Db, userId: string): Promise<NewSession> {
  const token = newSessionToken()
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000)
  await db.insert(sessions).values({ userId, tokenHash: hashSessionToken(token), expiresAt })
  // Expired sessions are useless; sweep them while we are writing anyway.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()))
  return { token, csrfToken: csrfTokenFor(token), expiresAt }
}

/** The user behind a session token, or undefined when it is unknown or expired. */
export async function findSessionUser(db: Db, token: string): Promise<CurrentUser | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      createdAt: users.createdAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashSessionToken(token)), gt(sessions.expiresAt, new Date())))
  return row
}

/** Signs a session out. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSessionToken(token)))
}
