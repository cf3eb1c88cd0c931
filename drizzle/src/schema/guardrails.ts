import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { tradingAccounts } from './trading-accounts'
import { users } from './users'

/** A daily loss limit in account money, or in percent of the day's starting equity. */
export const DAILY_LOSS_KINDS = ['money', 'percent'] as const
export type DailyLossKind = (typeof DAILY_LOSS_KINDS)[number]

/**
 * The limits of one trading account; one row per account. Every deployment on the account obeys
 * them: a breach halts the account's deployments and blocks new ones until the day resets.
 */
export const guardrails = pgTable(
  'guardrails',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => tradingAccounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    maxDailyLossKind: text('max_daily_loss_kind').$type<DailyLossKind>().notNull(),
    maxDailyLoss: doublePrecision('max_daily_loss').notNull(),
    maxPositions: integer('max_positions').notNull(),
    /** 0–1: the largest |correlation| of daily returns a new entry may have with an open position. */
    maxCorrelation: doublePrecision('max_correlation').notNull(),
    /** Daily returns over this many days feed the correlation. */
    correlationLookbackDays: integer('correlation_lookback_days').notNull().default(90),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('guardrails_user_idx').on(table.userId),
    check('guardrails_loss_kind_known', sql`${table.maxDailyLossKind} in ('money', 'percent')`),
    check('guardrails_loss_positive', sql`${table.maxDailyLoss} > 0`),
    check('guardrails_positions_positive', sql`${table.maxPositions} >= 1`),
    check('guardrails_correlation_range', sql`${table.maxCorrelation} between 0 and 1`),
  ],
)

/**
 * One trading day of one account: the equity it started with and the realised result of the
 * deals reported in it (profit + commission + swap + fee). The newest row is the current day; a
 * reset (at the day boundary by the scheduler, or by hand) closes it and opens the next.
 */
export const accountDays = pgTable(
  'account_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => tradingAccounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The calendar date in the account's day time zone, `YYYY-MM-DD`. */
    dayKey: text('day_key').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** Equity at the start of the day (last heartbeat, or the paper balance); null until known. */
    startEquity: doublePrecision('start_equity'),
    realizedPnl: doublePrecision('realized_pnl').notNull().default(0),
    /** Latest floating P&L of open positions, from heartbeats. */
    floatingPnl: doublePrecision('floating_pnl').notNull().default(0),
    breached: boolean('breached').notNull().default(false),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    breachReason: text('breach_reason'),
    /** `schedule` (day boundary) or `manual`, set when the next day replaced this one. */
    endedBy: text('ended_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [
    index('account_days_account_started_idx').on(table.accountId, table.startedAt),
    unique('account_days_account_day_started_unique').on(
      table.accountId,
      table.dayKey,
      table.startedAt,
    ),
  ],
)

export type GuardrailsRow = typeof guardrails.$inferSelect
export type NewGuardrailsRow = typeof guardrails.$inferInsert
export type AccountDayRow = typeof accountDays.$inferSelect
