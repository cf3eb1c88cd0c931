import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { strategies } from './strategies'
import { strategyVersions } from './strategy-versions'
import { users } from './users'

/** Lifecycle of a server-side backtest; `completed` and `failed` are final. */
export const BACKTEST_STATUSES = ['queued', 'running', 'completed', 'failed'] as const
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number]

/**
 * A backtest of one strategy version, run by a pg-boss worker. The row id doubles as the pg-boss
 * job id, so a job and its run can always be matched. Results are written once, by the attempt
 * that moves the row to a final status.
 */
export const backtestRuns = pgTable(
  'backtest_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => strategyVersions.id, { onDelete: 'cascade' }),
    status: text('status').$type<BacktestStatus>().notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    /** Human-readable progress lines, oldest first. */
    log: jsonb('log').$type<string[]>().notNull().default([]),
    stats: jsonb('stats').$type<Record<string, unknown>>(),
    trades: jsonb('trades').$type<unknown[]>(),
    /** Bar-close equity, thinned to a display series. */
    equity: jsonb('equity').$type<number[]>(),
    /** Why a failed run failed, in words the trader can act on. */
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('backtest_runs_user_created_idx').on(table.userId, table.createdAt),
    index('backtest_runs_version_idx').on(table.versionId),
    check('backtest_runs_progress_range', sql`${table.progress} between 0 and 100`),
    check(
      'backtest_runs_status_known',
      sql`${table.status} in ('queued', 'running', 'completed', 'failed')`,
    ),
  ],
)

export type BacktestRunRow = typeof backtestRuns.$inferSelect
export type NewBacktestRunRow = typeof backtestRuns.$inferInsert
