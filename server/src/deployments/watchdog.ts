import { and, eq, lt } from 'drizzle-orm'
import { deploymentPhases, deployments, tradingAccounts } from '@tradeloom/drizzle'
import type { Db, DeploymentRow } from '@tradeloom/drizzle'
import { z } from 'zod'
import { recordEvent } from '../events/record-event'
import type { JobDefinition } from '../jobs/job-definition'
import { restartStalePaperTerminals } from '../paper/restart'
import { finishOpenPhase } from './phases'
import { finishStop, latestStopCommand } from './stop'
import { CONFIRMATION_TIMEOUT_MINUTES, staleAfterMs, stopTimeoutMs } from './timeouts'

export const DEPLOYMENTS_WATCHDOG_QUEUE = 'deployments.watchdog'

export interface SweepResult {
  /** AWAITING_EA past the confirmation timeout → FAILED. */
  readonly failed: string[]
  /** ACTIVE without heartbeats → STALE. */
  readonly stale: string[]
  /** STOPPING without an acknowledgement → STOPPED. */
  readonly stopped: string[]
}

/**
 * The watchdog's one pass at `now`: confirmations that timed out fail, silent EAs go STALE (with
 * a HEARTBEAT_LOST event), unconfirmed stops complete. Each change re-reads its row under a lock,
 * so a heartbeat that lands meanwhile wins, and two watchdogs never act twice.
 */
export async function sweepDeployments(db: Db, now: Date): Promise<SweepResult> {
  const result: SweepResult = { failed: [], stale: [], stopped: [] }
  const confirmBefore = new Date(now.getTime() - CONFIRMATION_TIMEOUT_MINUTES * 60_000)
  const awaiting = await db
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.status, 'AWAITING_EA'), lt(deployments.handedOffAt, confirmBefore)))
  for (const { id } of awaiting) {
    if (await failUnconfirmed(db, id, now)) result.failed.push(id)
  }
  // The shortest stale window is 60 s; each row's own window is checked under its lock.
  const active = await db
    .select({ id: deployments.id })
    .from(deployments)
    .where(
      and(
        eq(deployments.status, 'ACTIVE'),
        lt(deployments.lastHeartbeatAt, new Date(now.getTime() - staleAfterMs(0))),
      ),
    )
  for (const { id } of active) {
    if (await markStale(db, id, now)) result.stale.push(id)
  }
  const stopping = await db
    .select({ id: deployments.id })
    .from(deployments)
    .where(eq(deployments.status, 'STOPPING'))
  for (const { id } of stopping) {
    if (await stopUnacknowledged(db, id, now)) result.stopped.push(id)
  }
  return result
}

async function lockRow(tx: Db, id: string): Promise<DeploymentRow | undefined> {
  const [row] = await tx.select().from(deployments).where(eq(deployments.id, id)).for('update')
  return row
}

async function failUnconfirmed(db: Db, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, id)
    if (
      row === undefined ||
      row.status !== 'AWAITING_EA' ||
      row.handedOffAt === null ||
      now.getTime() - row.handedOffAt.getTime() < CONFIRMATION_TIMEOUT_MINUTES * 60_000
    ) {
      return false
    }
    const reason = await unconfirmedReason(tx, row)
    await tx
      .update(deployments)
      .set({ status: 'FAILED', statusReason: reason, updatedAt: now })
      .where(eq(deployments.id, id))
    await finishOpenPhase(tx, id, 'confirmation', 'failed', reason, now)
    await recordEvent(tx, {
      userId: row.userId,
      strategyId: row.strategyId,
      deploymentId: row.id,
      accountId: row.accountId,
      type: 'ERROR',
      metadata: { phase: 'confirmation', reason },
    })
    return true
  })
}

/** Why the confirmation failed, with what the trader should check on their side. */
async function unconfirmedReason(tx: Db, row: DeploymentRow): Promise<string> {
  const [account] = await tx
    .select({ kind: tradingAccounts.kind, login: tradingAccounts.login })
    .from(tradingAccounts)
    .where(eq(tradingAccounts.id, row.accountId))
  const minutes = CONFIRMATION_TIMEOUT_MINUTES
  const heard =
    row.helloAt === null
      ? 'nothing arrived'
      : row.readyAt === null
        ? 'a hello arrived but no ready'
        : 'ready arrived but no heartbeat'
  const refusal = row.statusReason === null ? '' : ` Last refusal: ${row.statusReason}`
  if (account?.kind === 'paper') {
    return `No ready/heartbeat from the paper terminal within ${minutes} minutes (${heard}): check that the job workers run and reach the server's public URL (TRADELOOM_PUBLIC_URL).${refusal}`
  }
  const [handoff] = await tx
    .select({ details: deploymentPhases.details })
    .from(deploymentPhases)
    .where(and(eq(deploymentPhases.deploymentId, row.id), eq(deploymentPhases.phase, 'handoff')))
  const url =
    typeof handoff?.details.whitelistUrl === 'string'
      ? handoff.details.whitelistUrl
      : 'the server URL'
  return `No ready/heartbeat from the EA within ${minutes} minutes (${heard}): check that ${url} is allowed in Tools → Options → Expert Advisors → "Allow WebRequest for listed URL", that the EA is attached to a ${row.symbol} ${row.timeframe} chart on login ${account?.login ?? '?'}, and that AutoTrading is on.${refusal}`
}

async function markStale(db: Db, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, id)
    if (row === undefined || row.status !== 'ACTIVE' || row.lastHeartbeatAt === null) return false
    const silentMs = now.getTime() - row.lastHeartbeatAt.getTime()
    if (silentMs < staleAfterMs(row.heartbeatSeconds)) return false
    const reason = `No heartbeat since ${row.lastHeartbeatAt.toISOString()} (expected every ${row.heartbeatSeconds} s): the EA, its terminal or the connection is down`
    await tx
      .update(deployments)
      .set({ status: 'STALE', statusReason: reason, updatedAt: now })
      .where(eq(deployments.id, id))
    await recordEvent(tx, {
      userId: row.userId,
      strategyId: row.strategyId,
      deploymentId: row.id,
      accountId: row.accountId,
      type: 'HEARTBEAT_LOST',
      metadata: {
        lastHeartbeatAt: row.lastHeartbeatAt.toISOString(),
        heartbeatSeconds: row.heartbeatSeconds,
        silentSeconds: Math.floor(silentMs / 1000),
      },
    })
    return true
  })
}

async function stopUnacknowledged(db: Db, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, id)
    if (row === undefined || row.status !== 'STOPPING') return false
    const command = await latestStopCommand(tx, id)
    const since = command?.issuedAt ?? row.updatedAt
    const timeout = stopTimeoutMs(row.heartbeatSeconds)
    if (now.getTime() - since.getTime() < timeout) return false
    const what =
      command === undefined ? 'the stop' : `"${command.command}" (command ${command.commandId})`
    await finishStop(
      tx,
      row,
      `Stopped without confirmation: the EA did not acknowledge ${what} within two heartbeats (${timeout / 1000} s). If it still runs in MetaTrader, remove it from the chart and check for open positions`,
      now,
    )
    return true
  })
}

/**
 * `deployments.watchdog`: runs `sweepDeployments` every minute (pg-boss schedule), then restarts
 * the paper terminals of paper deployments that went STALE (paper/restart.ts). Any worker may
 * run it; the row locks make concurrent sweeps harmless.
 */
export const deploymentsWatchdogJob: JobDefinition<Record<string, unknown> | null | undefined> = {
  queue: DEPLOYMENTS_WATCHDOG_QUEUE,
  payloadSchema: z.looseObject({}).nullish(),
  // A missed minute is caught by the next one; retrying an old sweep would only repeat it.
  queueOptions: { retryLimit: 0, expireInSeconds: 120 },
  schedule: { cron: '* * * * *' },
  async handle(_payload, context) {
    const now = new Date()
    const { stale } = await sweepDeployments(context.db, now)
    await restartStalePaperTerminals(context.db, context.jobs, stale, now)
  },
}
