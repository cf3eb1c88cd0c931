import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { datasets } from './datasets'
import { strategies } from './strategies'
import { strategyVersions } from './strategy-versions'
import { users } from './users'

/** Lifecycle of a server-side backtest; `completed`, `failed` and `cancelled` are final. */
export const BACKTEST_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number]

/**
 * A backtest of one strategy version on a data set (or seeded synthetic bars when `dataset_id`
 * is null), run by a pg-boss worker. The row id doubles as the pg-boss job id. `attempt` names
 * the job attempt that owns the row: each attempt claims it by incrementing the number, and
 * every later write of progress or results is guarded by it, so a worker that was given up on
 * cannot overwrite its successor. Results live in `backtest_results`, written once.
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
    /** The bars; null for synthetic bars, or once the data set was deleted (results stay). */
    datasetId: uuid('dataset_id').references(() => datasets.id, { onDelete: 'set null' }),
    status: text('status').$type<BacktestStatus>().notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    attempt: integer('attempt').notNull().default(0),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    /** Human-readable progress lines, oldest first. */
    log: jsonb('log').$type<string[]>().notNull().default([]),
    /** Why a failed run failed, in words the trader can act on. */
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('backtest_runs_user_created_idx').on(table.userId, table.createdAt),
    index('backtest_runs_strategy_created_idx').on(table.strategyId, table.createdAt),
    index('backtest_runs_version_idx').on(table.versionId),
    check('backtest_runs_progress_range', sql`${table.progress} between 0 and 100`),
    check(
      'backtest_runs_status_known',
      sql`${table.status} in ('queued', 'running', 'completed', 'failed', 'cancelled')`,
    ),
  ],
)

export type BacktestRunRow = typeof backtestRuns.$inferSelect
export type NewBacktestRunRow = typeof backtestRuns.$inferInsert
