import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * People who own strategies. The walking skeleton has one local user created at the first start;
 * the Server issue adds password hashes and sessions in their own columns and tables.
 */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export type UserRow = typeof users.$inferSelect
export type NewUserRow = typeof users.$inferInsert
