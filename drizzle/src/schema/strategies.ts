import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * A strategy is the mutable identity (name, market, tags) that immutable versions hang off.
 * `symbol` and `timeframe` are what the trader picked when creating it; each version's graph
 * carries its own copy in `meta`.
 */
export const strategies = pgTable(
  'strategies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** 'RULE' | 'OPTIMIZED_RULE' | 'ML', validated by the server. */
    strategyClass: text('strategy_class').notNull().default('RULE'),
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe').notNull(),
    /** Free labels the trader filters by; trimmed and de-duplicated by the server. */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('strategies_user_updated_idx').on(table.userId, table.updatedAt)],
)

export type StrategyRow = typeof strategies.$inferSelect
export type NewStrategyRow = typeof strategies.$inferInsert
