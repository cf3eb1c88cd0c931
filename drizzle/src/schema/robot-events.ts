import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { deployments } from './deployments'
import { strategies } from './strategies'
import { tradingAccounts } from './trading-accounts'
import { users } from './users'

/**
 * The timeline of a strategy: created, versions saved, builds and backtests started and
 * finished, rollbacks deployments, guardrail breaches and the kill switch. `seq` orders events strictly, even within one
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
    /** Null for account-wide events (a guardrail breach, the kill switch) that name no strategy. */
    strategyId: uuid('strategy_id').references(() => strategies.id, { onDelete: 'cascade' }),
    deploymentId: uuid('deployment_id').references(() => deployments.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => tradingAccounts.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('robot_events_strategy_seq_idx').on(table.strategyId, table.seq),
    index('robot_events_user_seq_idx').on(table.userId, table.seq),
    index('robot_events_deployment_seq_idx').on(table.deploymentId, table.seq),
  ],
)

export type RobotEventRow = typeof robotEvents.$inferSelect
export type NewRobotEventRow = typeof robotEvents.$inferInsert
