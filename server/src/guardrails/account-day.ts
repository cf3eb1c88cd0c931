import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { accountDays, guardrails } from '@tradeloom/drizzle'
import type { AccountDayRow, Db, GuardrailsRow, TradingAccountRow } from '@tradeloom/drizzle'
import { roundMoney } from './dto'

/** What guardrail code needs of an account row. */
export type GuardedAccount = Pick<
  TradingAccountRow,
  'id' | 'userId' | 'currency' | 'dayTimeZone' | 'kind' | 'initialBalance'
>

/**
 * The calendar date (`YYYY-MM-DD`) of `now` in the account's day time zone: the trading day a
 * deal or heartbeat at that moment belongs to. Throws a RangeError for an unknown zone.
 */
export function dayKeyAt(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** True when `timeZone` is an IANA zone this runtime knows (what `dayKeyAt` accepts). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    dayKeyAt(timeZone, new Date(0))
    return true
  } catch {
    return false
  }
}

export async function guardrailsOf(db: Db, accountId: string): Promise<GuardrailsRow | null> {
  const [row] = await db.select().from(guardrails).where(eq(guardrails.accountId, accountId))
  return row ?? null
}

/** The account's open day (the newest, not yet replaced by a reset), or null before the first. */
export async function openDay(db: Db, accountId: string): Promise<AccountDayRow | null> {
  const [row] = await db
    .select()
    .from(accountDays)
    .where(and(eq(accountDays.accountId, accountId), isNull(accountDays.endedAt)))
    .orderBy(desc(accountDays.startedAt))
    .limit(1)
  return row ?? null
}

// Days are created and replaced under the account's row lock, so two heartbeats racing at a day
// boundary open one day, not two. The lock is taken only on those rare changes.
async function lockAccount(tx: Db, accountId: string): Promise<void> {
  await tx.execute(sql`select id from trading_accounts where id = ${accountId} for update`)
}

/** Opens a day of the account for `now` (its first, or the one after a reset). */
export async function insertDay(
  tx: Db,
  account: GuardedAccount,
  now: Date,
  startEquity: number | null,
  startedAt = now,
): Promise<AccountDayRow> {
  const [row] = await tx
    .insert(accountDays)
    .values({
      accountId: account.id,
      userId: account.userId,
      dayKey: dayKeyAt(account.dayTimeZone, now),
      startedAt,
      startEquity: startEquity === null ? null : roundMoney(startEquity, account.currency),
    })
    .returning()
  if (row === undefined) throw new Error('Inserting an account day returned no row')
  return row
}

/**
 * Closes `day` (`endedBy` schedule or manual) and opens the next one starting with `startEquity`.
 * The caller lifts the halts the old day caused.
 */
export async function replaceDay(
  tx: Db,
  account: GuardedAccount,
  day: AccountDayRow,
  now: Date,
  endedBy: 'schedule' | 'manual',
  startEquity: number | null,
): Promise<AccountDayRow> {
  await tx.update(accountDays).set({ endedAt: now, endedBy }).where(eq(accountDays.id, day.id))
  // Two days of an account may not share a start instant (unique with the day key), and a reset
  // right after the day opened could otherwise land on the same millisecond.
  const startedAt = new Date(Math.max(now.getTime(), day.startedAt.getTime() + 1))
  return insertDay(tx, account, now, startEquity, startedAt)
}

/** What `currentDay` did besides returning the day. */
export interface CurrentDay {
  readonly day: AccountDayRow
  /** The day that `now` replaced because the account's day boundary had passed, if any. */
  readonly rolledOver: AccountDayRow | null
}

/**
 * The account's day for `now`: the open day when it is still today in the account's zone, else a
 * new day (the previous one closed as `schedule`, in case the minute job has not run yet), or the
 * first day. `equity` (from a heartbeat) starts a new day and fills in an unknown start.
 */
export async function currentDay(
  tx: Db,
  account: GuardedAccount,
  now: Date,
  equity: number | null,
  lastKnownEquity: (day: AccountDayRow) => Promise<number | null>,
): Promise<CurrentDay> {
  const today = dayKeyAt(account.dayTimeZone, now)
  const seen = await openDay(tx, account.id)
  if (seen !== null && seen.dayKey === today) return { day: seen, rolledOver: null }
  await lockAccount(tx, account.id)
  const open = await openDay(tx, account.id)
  if (open === null) return { day: await insertDay(tx, account, now, equity), rolledOver: null }
  if (open.dayKey === today) return { day: open, rolledOver: null }
  const start = equity ?? (await lastKnownEquity(open))
  return { day: await replaceDay(tx, account, open, now, 'schedule', start), rolledOver: open }
}
