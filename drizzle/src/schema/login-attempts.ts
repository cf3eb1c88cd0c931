import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Failed logins, counted per email and per client address over a window to rate-limit password
 * guessing. Kept in the database so every server process sees the same counts.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    clientIp: text('client_ip').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('login_attempts_email_idx').on(table.email, table.createdAt),
    index('login_attempts_ip_idx').on(table.clientIp, table.createdAt),
  ],
)

export type LoginAttemptRow = typeof loginAttempts.$inferSelect
