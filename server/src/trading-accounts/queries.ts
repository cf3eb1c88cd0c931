import { and, asc, eq, sql } from 'drizzle-orm'
import { tradingAccounts } from '@tradeloom/drizzle'
import type { Db, NewTradingAccountRow, TradingAccountRow } from '@tradeloom/drizzle'
import { NotFoundError } from '../errors'

export type NewTradingAccount = Omit<
  NewTradingAccountRow,
  | 'id'
  | 'userId'
  | 'createdAt'
  | 'updatedAt'
  | 'connectorTokenHash'
  | 'terminalSeenAt'
  | 'terminalInfo'
>

export async function insertTradingAccount(
  db: Db,
  userId: string,
  input: NewTradingAccount,
): Promise<TradingAccountRow> {
  const [row] = await db
    .insert(tradingAccounts)
    .values({ ...input, userId })
    .returning()
  if (row === undefined) throw new Error('Inserting a trading account returned no row')
  return row
}

/** The user's trading accounts, oldest first (the order they were added in). */
export function listTradingAccounts(db: Db, userId: string): Promise<TradingAccountRow[]> {
  return db
    .select()
    .from(tradingAccounts)
    .where(eq(tradingAccounts.userId, userId))
    .orderBy(asc(tradingAccounts.createdAt), asc(tradingAccounts.id))
}

/**
 * The user's trading account, or a 404 (also for someone else's). `forUpdate` locks the row for
 * the rest of the transaction, for read-modify-write changes such as the symbol catalogue.
 */
export async function requireTradingAccount(
  db: Db,
  userId: string,
  accountId: string,
  forUpdate = false,
): Promise<TradingAccountRow> {
  const query = db
    .select()
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.id, accountId), eq(tradingAccounts.userId, userId)))
  const [row] = forUpdate ? await query.for('update') : await query
  if (row === undefined) throw new NotFoundError(`Trading account ${accountId} not found`)
  return row
}

/** Changes the given fields of the user's account; a 404 when it is not theirs. */
export async function updateTradingAccount(
  db: Db,
  userId: string,
  accountId: string,
  changes: Partial<NewTradingAccount> &
    Partial<Pick<TradingAccountRow, 'connectorTokenHash' | 'terminalSeenAt' | 'terminalInfo'>>,
): Promise<TradingAccountRow> {
  const [row] = await db
    .update(tradingAccounts)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(tradingAccounts.id, accountId), eq(tradingAccounts.userId, userId)))
    .returning()
  if (row === undefined) throw new NotFoundError(`Trading account ${accountId} not found`)
  return row
}

export async function deleteTradingAccount(
  db: Db,
  userId: string,
  accountId: string,
): Promise<boolean> {
  const rows = await db
    .delete(tradingAccounts)
    .where(and(eq(tradingAccounts.id, accountId), eq(tradingAccounts.userId, userId)))
    .returning({ id: tradingAccounts.id })
  return rows.length === 1
}
