import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { check, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { strategies } from './strategies'
import { users } from './users'

/** What a version holds: a canvas graph (compiled to TS and MQL5) or user-edited TypeScript. */
export const VERSION_KINDS = ['graph', 'code'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

/**
 * One saved state of a strategy. Rows are immutable: a save inserts, nothing updates. A graph
 * version stores the graph as the compiler received it (with its `schemaVersion` copied into a
 * column, so old documents can be found and migrated), next to exactly what the compiler produced
 * from it. A code version stores the trader's TypeScript in `ts_source` and has no graph and no
 * MQL5.
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
    /** Set when this version was made by rolling back to an older one. */
    restoredFromVersionId: uuid('restored_from_version_id').references(
      (): AnyPgColumn => strategyVersions.id,
      { onDelete: 'set null' },
    ),
    kind: text('kind').$type<VersionKind>().notNull().default('graph'),
    schemaVersion: integer('schema_version'),
    graph: jsonb('graph').$type<Record<string, unknown>>(),
    tsSource: text('ts_source').notNull(),
    mql5Source: text('mql5_source'),
    compilerVersion: text('compiler_version').notNull(),
    /** SHA-256 of the graph's canonical JSON (compiler) or of the code; equal hashes mean an identical save. */
    contentHash: text('content_hash').notNull(),
    message: text('message').notNull().default(''),
    /** Warnings the compiler reported (a version with errors is never stored). */
    diagnostics: jsonb('diagnostics').$type<unknown[]>().notNull().default([]),
    /** Series keys the TypeScript records for charts: `{ key, label, nodeId, pane }[]`. */
    plots: jsonb('plots').$type<unknown[]>().notNull().default([]),
    warmupBars: integer('warmup_bars').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('strategy_versions_strategy_version_uq').on(table.strategyId, table.version),
    check(
      'strategy_versions_kind_shape',
      sql`(${table.kind} = 'graph' and ${table.graph} is not null and ${table.mql5Source} is not null) or (${table.kind} = 'code' and ${table.graph} is null)`,
    ),
  ],
)

export type StrategyVersionRow = typeof strategyVersions.$inferSelect
export type NewStrategyVersionRow = typeof strategyVersions.$inferInsert
