import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * People who own strategies. `passwordHash` is `scrypt$N$r$p$salt$hash` (salt per user, both
 * base64); it is null for the local user of single-machine mode, who never logs in by password.
 */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export type UserRow = typeof users.$inferSelect
export type NewUserRow = typeof users.$inferInsert
