import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** The shape the protocol allows for a token (docs/ea-protocol.md §2). */
export const DEPLOYMENT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/

/** A new EA token: 32 random bytes in base64url (43 characters). */
export function newDeploymentToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database stores for a token: its SHA-256, hex. */
export function hashDeploymentToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Whether `token` hashes to `storedHash`, in time that does not depend on where they differ.
 * A missing hash is compared against a dummy of the same length, so an unknown deployment takes
 * as long to refuse as a wrong token.
 */
export function tokenMatches(token: string, storedHash: string | null): boolean {
  const presented = Buffer.from(hashDeploymentToken(token), 'hex')
  const stored = Buffer.from(storedHash ?? '0'.repeat(64), 'hex')
  if (stored.length !== presented.length) return false
  return timingSafeEqual(presented, stored) && storedHash !== null
}
