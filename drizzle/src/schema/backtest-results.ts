import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { backtestRuns } from './backtest-runs'
import { bytea } from './bytea'
import { users } from './users'

/**
 * What a completed run produced. The run id is the primary key, so results exist at most once
 * per run however many attempts ran; `attempt` records which one wrote them.
 */
export const backtestResults = pgTable('backtest_results', {
  runId: uuid('run_id')
    .primaryKey()
    .references(() => backtestRuns.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  attempt: integer('attempt').notNull(),
  stats: jsonb('stats').$type<Record<string, unknown>>().notNull(),
  /** Performance per market regime (runtime `regimePerformance`). */
  regimes: jsonb('regimes').$type<unknown[]>().notNull(),
  riskScore: jsonb('risk_score').$type<Record<string, unknown>>().notNull(),
  /** At most 500 points of time, equity and drawdown, for charts. */
  equityDisplay: jsonb('equity_display')
    .$type<{ time: number[]; equity: number[]; drawdown: number[] }>()
    .notNull(),
  /** Every bar's close equity and its time, as Float64Array bytes (time first, then equity). */
  equityFull: bytea('equity_full').notNull(),
  trades: jsonb('trades').$type<unknown[]>().notNull(),
  tradeCount: integer('trade_count').notNull(),
  stopReason: text('stop_reason').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export type BacktestResultRow = typeof backtestResults.$inferSelect
export type NewBacktestResultRow = typeof backtestResults.$inferInsert
