import { and, count, eq, gt, min } from 'drizzle-orm'
import { loginAttempts } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import { TooManyRequestsError } from '../errors'

/** Failed logins allowed per window: few per account (guessing), more per address (shared NAT). */
export const LOGIN_LIMITS = { windowSeconds: 15 * 60, perEmail: 5, perIp: 30 } as const

/**
 * Throws 429 when the email or the client address has had too many failed logins in the window,
 * saying when to try again. Checked before the password, so a locked account costs no hashing.
 */
export async function assertLoginAllowed(db: Db, email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - LOGIN_LIMITS.windowSeconds * 1000)
  for (const [column, value, limit] of [
    [loginAttempts.email, email, LOGIN_LIMITS.perEmail],
    [loginAttempts.clientIp, ip, LOGIN_LIMITS.perIp],
  ] as const) {
    const [row] = await db
      .select({ n: count(), oldest: min(loginAttempts.createdAt) })
      .from(loginAttempts)
      .where(and(eq(column, value), gt(loginAttempts.createdAt, since)))
    if (row !== undefined && row.n >= limit) {
      const oldest = row.oldest === null ? Date.now() : new Date(row.oldest).getTime()
      const retryAfter = Math.max(
        1,
        Math.ceil((oldest + LOGIN_LIMITS.windowSeconds * 1000 - Date.now()) / 1000),
      )
      throw new TooManyRequestsError(
        `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfter / 60)} minutes`,
        retryAfter,
      )
    }
  }
}

export async function recordLoginFailure(db: Db, email: string, ip: string): Promise<void> {
  await db.insert(loginAttempts).values({ email, clientIp: ip })
}

/** A successful login forgives the account's earlier failures. */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.email, email))
}
