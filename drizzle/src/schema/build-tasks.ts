import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { strategies } from './strategies'
import { strategyVersions } from './strategy-versions'
import { users } from './users'

/** Lifecycle of a build task; FAILED and COMPLETE are final. */
export const BUILD_STATUSES = ['PENDING', 'BUILDING', 'FAILED', 'COMPLETE'] as const
export type BuildStatus = (typeof BUILD_STATUSES)[number]

/**
 * Compiling and checking one version, run by a pg-boss worker (the row id is the job id). The
 * result holds the compiler's diagnostics and a smoke backtest; it is written once, by the
 * attempt that moves the row to a final status.
 */
export const buildTasks = pgTable(
  'build_tasks',
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
    status: text('status').$type<BuildStatus>().notNull().default('PENDING'),
    progress: integer('progress').notNull().default(0),
    /** Which job attempt owns the row; writes of older attempts are ignored. */
    attempt: integer('attempt').notNull().default(0),
    log: jsonb('log').$type<string[]>().notNull().default([]),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('build_tasks_strategy_created_idx').on(table.strategyId, table.createdAt),
    check('build_tasks_progress_range', sql`${table.progress} between 0 and 100`),
    check(
      'build_tasks_status_known',
      sql`${table.status} in ('PENDING', 'BUILDING', 'FAILED', 'COMPLETE')`,
    ),
  ],
)

export type BuildTaskRow = typeof buildTasks.$inferSelect
export type NewBuildTaskRow = typeof buildTasks.$inferInsert
