import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './users'

export const KILL_SWITCH_STATES = ['TRIGGERED', 'RESOLVED'] as const
export type KillSwitchState = (typeof KILL_SWITCH_STATES)[number]

/**
 * Every time a user pulled the kill switch, kept as history. At most one row per user is
 * TRIGGERED (a partial unique index), and while it is, no deployment of the user can start.
 */
export const killSwitches = pgTable(
  'kill_switches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: text('state').$type<KillSwitchState>().notNull().default('TRIGGERED'),
    reason: text('reason').notNull(),
    closePositions: boolean('close_positions').notNull(),
    revokeTokens: boolean('revoke_tokens').notNull(),
    triggeredAt: timestamp('triggered_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
  },
  (table) => [
    index('kill_switches_user_triggered_idx').on(table.userId, table.triggeredAt),
    uniqueIndex('kill_switches_one_triggered_per_user')
      .on(table.userId)
      .where(sql`${table.state} = 'TRIGGERED'`),
    check('kill_switches_state_known', sql`${table.state} in ('TRIGGERED', 'RESOLVED')`),
  ],
)

export type KillSwitchRow = typeof killSwitches.$inferSelect
