import { sql } from 'drizzle-orm'
import {
  check,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './users'

/** A MetaTrader account the user trades on, or a paper account simulated by the paper terminal. */
export const TRADING_ACCOUNT_KINDS = ['live', 'paper'] as const
export type TradingAccountKind = (typeof TRADING_ACCOUNT_KINDS)[number]

/** `ACCOUNT_MARGIN_MODE`: one net position per symbol, or any number of positions. */
export const MARGIN_MODES = ['netting', 'hedging'] as const
export type MarginMode = (typeof MARGIN_MODES)[number]

/**
 * One symbol's contract on this account, as the runtime's `SymbolSpec` (mt5-semantics.md 3.8).
 * Kept as JSON on the account: a catalogue is read and written whole, and holds a few hundred
 * symbols at most.
 */
export interface AccountSymbol {
  readonly name: string
  readonly description: string
  readonly digits: number
  readonly point: number
  readonly pipSize: number
  readonly tickSize: number
  readonly tickValue: number
  readonly contractSize: number
  readonly volumeMin: number
  readonly volumeMax: number
  readonly volumeStep: number
  readonly typicalSpread: number
  readonly stopsLevel: number
}

/**
 * A trading account of one user. `login` is a decimal string (MT5 logins are 64-bit).
 * `dayTimeZone` is the IANA zone whose midnight starts the account's trading day (brokers
 * commonly use Europe/Athens-like server time); daily loss resets there.
 * `terminalSeenAt` is when a terminal on this account last reached the server (the connector
 * script's hello, or any deployment's hello or heartbeat): preflight wants it recent for live accounts.
 */
export const tradingAccounts = pgTable(
  'trading_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<TradingAccountKind>().notNull(),
    broker: text('broker').notNull(),
    server: text('server').notNull(),
    login: text('login').notNull(),
    marginMode: text('margin_mode').$type<MarginMode>().notNull(),
    currency: text('currency').notNull(),
    dayTimeZone: text('day_time_zone').notNull().default('UTC'),
    /** Paper accounts: the balance a paper terminal starts with. */
    initialBalance: doublePrecision('initial_balance').notNull().default(10_000),
    symbols: jsonb('symbols').$type<AccountSymbol[]>().notNull().default([]),
    /** Hash of the connector script's token (the token itself is never stored). */
    connectorTokenHash: text('connector_token_hash'),
    terminalSeenAt: timestamp('terminal_seen_at', { withTimezone: true }),
    /** What the terminal said last (company, build, trade permissions), for the account page. */
    terminalInfo: jsonb('terminal_info').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('trading_accounts_user_idx').on(table.userId, table.createdAt),
    check('trading_accounts_kind_known', sql`${table.kind} in ('live', 'paper')`),
    check('trading_accounts_margin_known', sql`${table.marginMode} in ('netting', 'hedging')`),
    check('trading_accounts_login_digits', sql`${table.login} ~ '^[0-9]{1,20}$'`),
  ],
)

export type TradingAccountRow = typeof tradingAccounts.$inferSelect
export type NewTradingAccountRow = typeof tradingAccounts.$inferInsert
