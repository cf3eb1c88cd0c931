import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { strategies } from './strategies'
import { users } from './users'

/**
 * One saved state of a strategy. Rows are immutable: a save inserts, nothing updates. The graph
 * is stored as the compiler received it (with its `schemaVersion` copied into a column, so old
 * documents can be found and migrated), next to exactly what the compiler produced from it.
 */
export const strategyVersions = pgTable(
  'strategy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per strategy, in save order. */
    version: integer('version').notNull(),
    parentVersionId: uuid('parent_version_id').references((): AnyPgColumn => strategyVersions.id, {
      onDelete: 'set null',
    }),
    schemaVersion: integer('schema_version').notNull(),
    graph: jsonb('graph').$type<Record<string, unknown>>().notNull(),
    tsSource: text('ts_source').notNull(),
    mql5Source: text('mql5_source').notNull(),
    compilerVersion: text('compiler_version').notNull(),
    /** The compiler's hash of the generated artifacts; equal hashes mean an identical save. */
    contentHash: text('content_hash').notNull(),
    message: text('message').notNull().default(''),
    /** Warnings the compiler reported (a version with errors is never stored). */
    diagnostics: jsonb('diagnostics').$type<unknown[]>().notNull().default([]),
    /** Series keys the TypeScript records for charts: `{ key, label, nodeId, pane }[]`. */
    plots: jsonb('plots').$type<unknown[]>().notNull().default([]),
    warmupBars: integer('warmup_bars').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('strategy_versions_strategy_version_uq').on(table.strategyId, table.version)],
)

export type StrategyVersionRow = typeof strategyVersions.$inferSelect
export type NewStrategyVersionRow = typeof strategyVersions.$inferInsert
