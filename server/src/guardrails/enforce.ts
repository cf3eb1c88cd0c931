import { and, desc, eq, isNotNull, sql } from 'drizzle-orm'
import { accountDays, deployments } from '@tradeloom/drizzle'
import type {
  AccountDayRow,
  Db,
  DeploymentRow,
  GuardrailsRow,
  HaltReason,
  TradingAccountRow,
} from '@tradeloom/drizzle'
import { liveDeployments, setHaltReason } from '../deployments/control'
import { recordEvent } from '../events/record-event'
import { currentDay, dayKeyAt, guardrailsOf, openDay } from './account-day'
import type { GuardedAccount } from './account-day'
import {
  currencyDigits,
  dayLoss,
  lossLimitOf,
  roundMoney,
  toAccountDayDto,
  toGuardrailConfigDto,
} from './dto'
import type { GuardrailStatusDto } from './dto'
import { accountExposure, accountFloatingPnl, openPositionCount } from './exposure'
import type { AccountExposure } from './exposure'
import { worstCorrelation } from './symbol-correlation'

/*
 * The server side of an account's guardrails. Deployments report heartbeats and deals; these
 * functions keep the account's trading day up to date, mark a daily-loss breach and halt the
 * account's deployments, and keep the entry guards (maximum positions, correlation) as halt
 * reasons on the deployments that are flat. They run inside the caller's transaction.
 */

/** Usage at or above this fraction of the daily loss limit is warned about. */
export const LOSS_WARNING_FRACTION = 0.8

/** The account's limits and today's use of them, as the API and the preflight see it. */
export async function guardrailStatus(
  db: Db,
  account: TradingAccountRow,
  now: Date,
): Promise<GuardrailStatusDto> {
  const config = await guardrailsOf(db, account.id)
  const open = await openDay(db, account.id)
  const warnings: string[] = []
  if (config === null) {
    warnings.push(
      'No guardrails are set for this account: set the maximum daily loss, positions and correlation before deploying',
    )
  }
  // A day from before the account's last midnight is over even if the minute job has not closed
  // it yet: it neither counts nor blocks today.
  const today = open !== null && open.dayKey === dayKeyAt(account.dayTimeZone, now) ? open : null
  const day = today === null ? null : toAccountDayDto(today, config, account.currency)
  if (config !== null && day !== null) {
    const money = (value: number) => `${value.toFixed(2)} ${account.currency}`
    if (day.breached) {
      warnings.push(
        `Daily loss limit breached${day.breachReason === null ? '' : `: ${day.breachReason}`}. ` +
          `New entries stay halted until the day resets at midnight (${account.dayTimeZone}) or by a manual reset`,
      )
    } else if (day.lossLimit === null) {
      warnings.push(
        "The day's starting equity is not known yet (no heartbeat today), so the percent loss limit cannot be checked",
      )
    } else if (day.usedFraction !== null && day.usedFraction >= LOSS_WARNING_FRACTION) {
      warnings.push(
        `Daily loss at ${Math.floor(day.usedFraction * 100)} % of the limit (${money(day.lossUsed)} of ${money(day.lossLimit)})`,
      )
    }
  }
  return {
    configured: config !== null,
    config: config === null ? null : toGuardrailConfigDto(config),
    day,
    warnings,
  }
}

/** What a heartbeat tells the guardrails. */
export interface HeartbeatFigures {
  readonly equity: number
  /**
   * Profit of this EA's open positions now (profit + swap); used only while no deployment of the
   * account has a stored heartbeat with positions (see below).
   */
  readonly floatingPnl: number
}

/**
 * A heartbeat from one of the account's EAs: opens the day if needed (starting with this equity),
 * records the floating result, checks the daily loss limit with it, and re-evaluates the entry
 * guards. Call it after storing the heartbeat on the deployment (`lastHeartbeat`): each EA reports
 * only its own positions, so the account's floating result and open positions are summed over
 * its running deployments' last heartbeats (`figures.floatingPnl` only when none has any).
 */
export async function recordHeartbeatForGuardrails(
  tx: Db,
  account: GuardedAccount,
  figures: HeartbeatFigures,
  now: Date,
): Promise<void> {
  const { day } = await dayFor(tx, account, now, figures.equity)
  const live = await liveDeployments(tx, account.userId, account.id)
  const floatingPnl = roundMoney(accountFloatingPnl(live) ?? figures.floatingPnl, account.currency)
  const startEquity =
    day.startEquity ??
    roundMoney(figures.equity - (day.realizedPnl + floatingPnl), account.currency)
  const [updated] = await tx
    .update(accountDays)
    .set({ floatingPnl, startEquity })
    .where(eq(accountDays.id, day.id))
    .returning()
  await enforceDailyLoss(tx, account, updated ?? day, now)
  await evaluateEntryGuards(tx, account, now)
}

/** One reported deal's money (protocol §5 deal report). */
export interface DealFigures {
  readonly timeMsc: number
  readonly profit: number
  readonly commission: number
  readonly swap: number
  readonly fee: number
}

/**
 * Newly stored deals of one of the account's EAs: adds their result to the day's realised P&L and
 * on a breach marks the day, records GUARDRAIL_BREACHED and halts every live deployment of the
 * account (`daily_loss`, with a HALTED event each). Pass only deals not counted before.
 */
export async function recordDealsForGuardrails(
  tx: Db,
  account: GuardedAccount,
  deals: readonly DealFigures[],
  now: Date,
): Promise<void> {
  if (deals.length === 0) return
  const result = deals.reduce((sum, d) => sum + d.profit + d.commission + d.swap + d.fee, 0)
  const { day } = await dayFor(tx, account, now, null)
  const digits = currencyDigits(account.currency)
  // Added in SQL so two batches stored at once both count.
  const [updated] = await tx
    .update(accountDays)
    .set({
      realizedPnl: sql`round((${accountDays.realizedPnl} + ${result})::numeric, ${digits}::int)::double precision`,
    })
    .where(eq(accountDays.id, day.id))
    .returning()
  await enforceDailyLoss(tx, account, updated ?? day, now)
}

/**
 * Re-evaluates the entry guards of the account's live deployments. A deployment that is flat in
 * its symbol is halted with `max_positions` while the account already holds the maximum number
 * of positions, and with `correlation` while an entry in its symbol would correlate more than
 * `maxCorrelation` (absolute, daily returns) with a symbol the account holds; each reason is
 * lifted as soon as it no longer holds. Deployments holding a position are left to trade out.
 */
export async function evaluateEntryGuards(
  tx: Db,
  account: GuardedAccount,
  now: Date,
): Promise<void> {
  const config = await guardrailsOf(tx, account.id)
  const live = await liveDeployments(tx, account.userId, account.id)
  const exposure = accountExposure(live)
  const correlationBlocks = new Map<string, string | null>()
  for (const deployment of live) {
    const flat = openPositionCount(deployment) === 0
    const guarded = config !== null && flat
    const positionsBlock =
      guarded && exposure.total >= config.maxPositions
        ? `The account holds ${exposure.total} open position(s), its maximum of ${config.maxPositions}: no new entries until one closes`
        : null
    await applyHaltReason(tx, deployment, 'max_positions', positionsBlock, now)
    let block: string | null = null
    if (guarded) {
      if (!correlationBlocks.has(deployment.symbol)) {
        correlationBlocks.set(
          deployment.symbol,
          await correlationBlock(tx, account, config, deployment.symbol, exposure),
        )
      }
      block = correlationBlocks.get(deployment.symbol) ?? null
    }
    await applyHaltReason(tx, deployment, 'correlation', block, now)
  }
}

/**
 * Why an entry in `symbol` would exceed the account's correlation limit, or null when it would
 * not (or cannot be known: a symbol without a data set, or too few common days).
 */
async function correlationBlock(
  tx: Db,
  account: GuardedAccount,
  config: GuardrailsRow,
  symbol: string,
  exposure: AccountExposure,
): Promise<string | null> {
  const limit = config.maxCorrelation
  if (limit >= 1 || exposure.bySymbol.size === 0) return null
  const worst = await worstCorrelation(
    tx,
    account.userId,
    symbol,
    [...exposure.bySymbol.keys()],
    config.correlationLookbackDays,
  )
  if (worst === null || Math.abs(worst.correlation) <= limit) return null
  if (worst.other === symbol) {
    return `An entry in ${symbol} would add to the account's open ${symbol} position(s) (correlation 1, limit ${limit})`
  }
  return (
    `An entry in ${symbol} would correlate ${worst.correlation.toFixed(2)} with the account's open ` +
    `${worst.other} position(s) (daily returns over ${worst.days} days; limit ${limit})`
  )
}

/**
 * Adds (message given) or lifts (null) one halt reason when the deployment's state differs,
 * recording HALTED when it is added and RESUMED when lifting it resumed the EA. Reading the
 * reasons first keeps the steady state free of row locks on other deployments.
 */
async function applyHaltReason(
  tx: Db,
  deployment: DeploymentRow,
  reason: HaltReason,
  message: string | null,
  now: Date,
): Promise<void> {
  const want = message !== null
  if (deployment.haltReasons.includes(reason) === want) return
  const command = await setHaltReason(
    tx,
    deployment.id,
    reason,
    want,
    message ?? `${reason} guard no longer applies`,
  )
  if (!want && command?.command !== 'resume') return
  await recordEvent(tx, {
    userId: deployment.userId,
    strategyId: deployment.strategyId,
    deploymentId: deployment.id,
    accountId: deployment.accountId,
    type: want ? 'HALTED' : 'RESUMED',
    metadata: {
      reason,
      message: message ?? `${reason} guard no longer applies`,
      commandId: command?.commandId ?? null,
      command: command?.command ?? null,
      at: now.toISOString(),
    },
  })
}

/**
 * Checks the day against the daily loss limit. A new breach marks the day and records
 * GUARDRAIL_BREACHED; while the day is breached every live deployment of the account carries
 * the `daily_loss` halt (one started since gets it at the next report).
 */
async function enforceDailyLoss(
  tx: Db,
  account: GuardedAccount,
  day: AccountDayRow,
  now: Date,
): Promise<void> {
  const config = await guardrailsOf(tx, account.id)
  if (config === null) return
  let reason = day.breachReason ?? 'daily loss limit reached'
  if (!day.breached) {
    const used = dayLoss(day, account.currency)
    const limit = lossLimitOf(config, day.startEquity, account.currency)
    if (limit === null || used < limit) return
    const money = (value: number) => `${value.toFixed(2)} ${account.currency}`
    reason =
      `loss of ${money(used)} today reached the limit of ${money(limit)}` +
      (config.maxDailyLossKind === 'percent'
        ? ` (${config.maxDailyLoss} % of the day's starting equity ${money(day.startEquity ?? 0)})`
        : '')
    // Only the first report over the limit marks the day; a racing one finds it marked.
    const marked = await tx
      .update(accountDays)
      .set({ breached: true, breachedAt: now, breachReason: reason })
      .where(and(eq(accountDays.id, day.id), eq(accountDays.breached, false)))
      .returning({ id: accountDays.id })
    if (marked.length === 1) {
      await recordEvent(tx, {
        userId: account.userId,
        strategyId: null,
        accountId: account.id,
        type: 'GUARDRAIL_BREACHED',
        metadata: {
          guardrail: 'daily_loss',
          dayKey: day.dayKey,
          lossUsed: used,
          lossLimit: limit,
          realizedPnl: day.realizedPnl,
          floatingPnl: day.floatingPnl,
          message: reason,
        },
      })
    }
  }
  for (const deployment of await liveDeployments(tx, account.userId, account.id)) {
    await applyHaltReason(tx, deployment, 'daily_loss', `Daily loss limit breached: ${reason}`, now)
  }
}

/**
 * After the limits changed: checks today's loss against the new limit (a lower limit can breach
 * at once; a higher one does not lift a breach, a reset does) and re-evaluates the entry guards.
 */
export async function reevaluateGuardrails(
  tx: Db,
  account: GuardedAccount,
  now: Date,
): Promise<void> {
  const open = await openDay(tx, account.id)
  if (open !== null && open.dayKey === dayKeyAt(account.dayTimeZone, now)) {
    await enforceDailyLoss(tx, account, open, now)
  }
  await evaluateEntryGuards(tx, account, now)
}

/** The account's day for `now`, rolling over (and lifting daily-loss halts) at its midnight. */
async function dayFor(tx: Db, account: GuardedAccount, now: Date, equity: number | null) {
  const result = await currentDay(tx, account, now, equity, (day) =>
    lastKnownEquity(tx, account, day),
  )
  if (result.rolledOver !== null)
    await afterDayEnded(tx, account, result.rolledOver, 'schedule', now)
  return result
}

/**
 * The account's equity as last known, to start a new day with: the newest heartbeat of any of
 * its deployments, else the ended day's start plus its result, else (paper) the initial balance.
 */
export async function lastKnownEquity(
  tx: Db,
  account: GuardedAccount,
  day: AccountDayRow | null,
): Promise<number | null> {
  const [newest] = await tx
    .select({ lastHeartbeat: deployments.lastHeartbeat })
    .from(deployments)
    .where(and(eq(deployments.accountId, account.id), isNotNull(deployments.lastHeartbeatAt)))
    .orderBy(desc(deployments.lastHeartbeatAt))
    .limit(1)
  const equity = newest?.lastHeartbeat?.['equity']
  if (typeof equity === 'number' && Number.isFinite(equity)) return equity
  if (day !== null && day.startEquity !== null) {
    return roundMoney(day.startEquity + day.realizedPnl + day.floatingPnl, account.currency)
  }
  return account.kind === 'paper' ? account.initialBalance : null
}

/**
 * A day was replaced (at midnight or by hand): lifts the `daily_loss` halts it caused (RESUMED
 * for each EA that resumes) and records the reset on the account's timeline.
 */
export async function afterDayEnded(
  tx: Db,
  account: GuardedAccount,
  ended: AccountDayRow,
  endedBy: 'schedule' | 'manual',
  now: Date,
): Promise<void> {
  for (const deployment of await liveDeployments(tx, account.userId, account.id)) {
    await applyHaltReason(tx, deployment, 'daily_loss', null, now)
  }
  if (endedBy === 'schedule' && !ended.breached) return
  await recordEvent(tx, {
    userId: account.userId,
    strategyId: null,
    accountId: account.id,
    type: 'RESUMED',
    metadata: {
      cause: endedBy === 'manual' ? 'guardrails_reset' : 'day_rollover',
      endedDay: ended.dayKey,
      endedDayBreached: ended.breached,
      message:
        endedBy === 'manual'
          ? `Daily loss reset by hand; the ${ended.dayKey} day is closed and a new one started`
          : `A new trading day started; the daily loss limit breached on ${ended.dayKey} no longer applies`,
    },
  })
}
