import { eq, isNull, sql } from 'drizzle-orm'
import { accountDays, tradingAccounts } from '@tradeloom/drizzle'
import type { AccountDayRow, Db } from '@tradeloom/drizzle'
import { currentDay, dayKeyAt, insertDay, openDay, replaceDay } from './account-day'
import type { GuardedAccount } from './account-day'
import { afterDayEnded, lastKnownEquity } from './enforce'

/**
 * The `guardrails.day-rollover` job's work: every account whose open day is no longer today in
 * its `dayTimeZone` gets that day closed (`endedBy: schedule`) and the next one opened with the
 * last known equity; the `daily_loss` halts of the old day are lifted. Each account in its own
 * transaction, so one account's trouble does not hold back the others. Returns how many rolled.
 */
export async function rollOverAccountDays(db: Db, now: Date): Promise<{ rolled: number }> {
  const open = await db
    .select({
      dayKey: accountDays.dayKey,
      account: tradingAccounts,
    })
    .from(accountDays)
    .innerJoin(tradingAccounts, eq(tradingAccounts.id, accountDays.accountId))
    .where(isNull(accountDays.endedAt))
  let rolled = 0
  for (const { dayKey, account } of open) {
    if (dayKey === dayKeyAt(account.dayTimeZone, now)) continue
    const ended = await db.transaction(async (tx) => {
      const result = await currentDay(tx, account, now, null, (day) =>
        lastKnownEquity(tx, account, day),
      )
      if (result.rolledOver !== null) {
        await afterDayEnded(tx, account, result.rolledOver, 'schedule', now)
      }
      return result.rolledOver
    })
    if (ended !== null) rolled += 1
  }
  return { rolled }
}

/**
 * A manual reset of the account's daily loss: closes the open day (`endedBy: manual`), opens a
 * new one with the last known equity and lifts the `daily_loss` halts. Returns the new day.
 */
export async function resetAccountDay(
  tx: Db,
  account: GuardedAccount,
  now: Date,
): Promise<AccountDayRow> {
  await tx.execute(sql`select id from trading_accounts where id = ${account.id} for update`)
  const open = await openDay(tx, account.id)
  const startEquity = await lastKnownEquity(tx, account, open)
  if (open === null) return insertDay(tx, account, now, startEquity)
  const next = await replaceDay(tx, account, open, now, 'manual', startEquity)
  await afterDayEnded(tx, account, open, 'manual', now)
  return next
}
