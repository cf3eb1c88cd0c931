import { eq } from 'drizzle-orm'
import { deployments, tradingAccounts } from '@tradeloom/drizzle'
import type { Db, DeploymentRow } from '@tradeloom/drizzle'
import { lockAccounts, markCommandSent, pendingCommand } from '../deployments/control'
import { finishOpenPhase } from '../deployments/phases'
import { recordEvent } from '../events/record-event'
import { roundMoney } from '../guardrails/dto'
import { recordHeartbeatForGuardrails } from '../guardrails/enforce'
import { accountOf } from './hello'
import type { HeartbeatMessage, HeartbeatReply } from './schemas'

/**
 * `heartbeat`: stores it, completes the confirmation (AWAITING_EA with ready → ACTIVE) or
 * recovers a STALE deployment, feeds the account's guardrails, and answers with the newest
 * unacknowledged command (or `run`). All in one transaction under the deployment's row lock, so a
 * watchdog pass cannot mark it STALE in between.
 */
export async function acceptHeartbeat(
  db: Db,
  deploymentId: string,
  heartbeat: HeartbeatMessage,
  now: Date,
): Promise<HeartbeatReply> {
  return db.transaction(async (tx) => {
    // The account first, then the deployment: guardrails may halt the account's other
    // deployments in this transaction (lock order in deployments/control.ts).
    const [owner] = await tx
      .select({ accountId: deployments.accountId })
      .from(deployments)
      .where(eq(deployments.id, deploymentId))
    if (owner !== undefined) await lockAccounts(tx, [owner.accountId])
    const [row] = await tx
      .select()
      .from(deployments)
      .where(eq(deployments.id, deploymentId))
      .for('update')
    if (row === undefined) throw new Error(`Deployment ${deploymentId} vanished`)
    const activates = row.status === 'AWAITING_EA' && row.readyAt !== null
    const recovers = row.status === 'STALE'
    await tx
      .update(deployments)
      .set({
        lastHeartbeatAt: now,
        lastHeartbeat: { ...heartbeat },
        heartbeatCount: row.heartbeatCount + 1,
        ...((activates || recovers) && { status: 'ACTIVE' as const, statusReason: null }),
        ...(activates && { activatedAt: now }),
        updatedAt: now,
      })
      .where(eq(deployments.id, row.id))
    const account = await accountOf(tx, row)
    await tx
      .update(tradingAccounts)
      .set({ terminalSeenAt: now })
      .where(eq(tradingAccounts.id, account.id))
    if (activates) await activated(tx, row, now)
    if (recovers) await recovered(tx, row, now)

    const floating = heartbeat.positions.reduce((sum, p) => sum + p.profit + p.swap, 0)
    await recordHeartbeatForGuardrails(
      tx,
      account,
      {
        equity: heartbeat.equity,
        floatingPnl: roundMoney(floating, account.currency),
      },
      now,
    )
    const pending = await pendingCommand(tx, row.id)
    if (pending !== null) await markCommandSent(tx, row.id, pending.commandId)
    return {
      commandId: pending?.commandId ?? null,
      command: pending?.command ?? 'run',
      heartbeatSeconds: row.heartbeatSeconds,
    }
  })
}

async function activated(tx: Db, row: DeploymentRow, now: Date): Promise<void> {
  await finishOpenPhase(tx, row.id, 'confirmation', 'passed', null, now)
  await recordEvent(tx, {
    userId: row.userId,
    strategyId: row.strategyId,
    deploymentId: row.id,
    accountId: row.accountId,
    type: 'ACTIVATED',
    metadata: {
      handedOffAt: row.handedOffAt?.toISOString() ?? null,
      readyAt: row.readyAt?.toISOString() ?? null,
      confirmedAfterSeconds:
        row.handedOffAt === null
          ? null
          : Math.round((now.getTime() - row.handedOffAt.getTime()) / 1000),
    },
  })
}

async function recovered(tx: Db, row: DeploymentRow, now: Date): Promise<void> {
  await recordEvent(tx, {
    userId: row.userId,
    strategyId: row.strategyId,
    deploymentId: row.id,
    accountId: row.accountId,
    type: 'HEARTBEAT_RESTORED',
    metadata: {
      lastHeartbeatAt: row.lastHeartbeatAt?.toISOString() ?? null,
      silentSeconds:
        row.lastHeartbeatAt === null
          ? null
          : Math.round((now.getTime() - row.lastHeartbeatAt.getTime()) / 1000),
    },
  })
}
