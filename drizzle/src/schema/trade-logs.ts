import { sql } from 'drizzle-orm'
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { deployments } from './deployments'
import { tradingAccounts } from './trading-accounts'
import { users } from './users'

/**
 * One trade report of a deployment's EA (protocol §5 `trades`): a deal, or a market request the
 * trade server refused. Deals are unique by (deployment, deal ticket), refusals by (deployment,
 * key), so a report sent twice is stored once. Execution quality is aggregated from these rows.
 */
export const tradeLogs = pgTable(
  'trade_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deploymentId: uuid('deployment_id')
      .notNull()
      .references(() => deployments.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => tradingAccounts.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'deal' | 'rejected'>().notNull(),
    /** Decimal strings: MT5 tickets are 64-bit. */
    deal: text('deal'),
    key: text('key'),
    orderTicket: text('order_ticket'),
    positionTicket: text('position_ticket'),
    /** `DEAL_TIME_MSC` on the trade server's clock. */
    timeMsc: doublePrecision('time_msc').notNull(),
    symbol: text('symbol').notNull(),
    type: text('type').notNull(),
    /** Deals: in, out, inout, out_by. Refusals: open or close. */
    entry: text('entry'),
    reason: text('reason'),
    volume: doublePrecision('volume').notNull(),
    price: doublePrecision('price'),
    requestedPrice: doublePrecision('requested_price'),
    /** Positive is against the trader. */
    slippagePoints: doublePrecision('slippage_points'),
    spreadPoints: integer('spread_points'),
    latencyMs: doublePrecision('latency_ms'),
    retcode: integer('retcode'),
    /** Refusals: the trade server's or the EA's message. */
    failureReason: text('failure_reason'),
    profit: doublePrecision('profit').notNull().default(0),
    commission: doublePrecision('commission').notNull().default(0),
    swap: doublePrecision('swap').notNull().default(0),
    fee: doublePrecision('fee').notNull().default(0),
    comment: text('comment'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('trade_logs_deployment_deal_unique')
      .on(table.deploymentId, table.deal)
      .where(sql`${table.deal} is not null`),
    uniqueIndex('trade_logs_deployment_key_unique')
      .on(table.deploymentId, table.key)
      .where(sql`${table.key} is not null`),
    index('trade_logs_deployment_time_idx').on(table.deploymentId, table.timeMsc),
    index('trade_logs_account_time_idx').on(table.accountId, table.timeMsc),
    check('trade_logs_kind_known', sql`${table.kind} in ('deal', 'rejected')`),
    check(
      'trade_logs_identity',
      sql`(${table.kind} = 'deal' and ${table.deal} is not null) or (${table.kind} = 'rejected' and ${table.key} is not null)`,
    ),
  ],
)

export type TradeLogRow = typeof tradeLogs.$inferSelect
export type NewTradeLogRow = typeof tradeLogs.$inferInsert
