import { eq } from 'drizzle-orm'
import { users } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import type { CurrentUser } from './current-user'

/** The documented single-machine account, created at the first start in local mode. */
export const LOCAL_USER_EMAIL = 'local@tradeloom.local'

/**
 * Returns the user with this email, creating it (without a password) on first use. Safe to run
 * from several processes at once: the insert does nothing when the row already exists.
 */
export async function ensureLocalUser(
  db: Db,
  email: string = LOCAL_USER_EMAIL,
  displayName = 'Local user',
): Promise<CurrentUser> {
  await db.insert(users).values({ email, displayName }).onConflictDoNothing({ target: users.email })
  const [row] = await db.select().from(users).where(eq(users.email, email))
  if (row === undefined) throw new Error(`User ${email} vanished right after it was created`)
  return { id: row.id, email: row.email, displayName: row.displayName, createdAt: row.createdAt }
}
