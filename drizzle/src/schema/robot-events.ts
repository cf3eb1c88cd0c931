import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { strategies } from './strategies'
import { users } from './users'

/**
 * The timeline of a strategy: created, versions saved, builds and backtests started and
 * finished, rollbacks (deployments later). `seq` orders events strictly, even within one
 * millisecond, and is the pagination cursor.
 */
export const robotEvents = pgTable(
  'robot_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('robot_events_strategy_seq_idx').on(table.strategyId, table.seq)],
)

export type RobotEventRow = typeof robotEvents.$inferSelect
export type NewRobotEventRow = typeof robotEvents.$inferInsert
