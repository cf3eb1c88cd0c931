import { and, desc, eq } from 'drizzle-orm'
import { deploymentCommands, deployments } from '@tradeloom/drizzle'
import type { Db, DeploymentCommandRow, DeploymentRow } from '@tradeloom/drizzle'
import { ConflictError, NotFoundError } from '../errors'
import { recordEvent } from '../events/record-event'
import { closeAllAndHalt, issueCommand, LIVE_STATUSES, setHaltReason } from './control'
import type { IssuedCommand } from './control'
import { finishOpenPhase } from './phases'

/** Statuses in which no EA has proven itself yet: a stop needs no one's confirmation. */
const UNCONFIRMED_STATUSES = ['PENDING', 'VALIDATING', 'AWAITING_EA'] as const

/**
 * Stops a deployment. Before the EA confirmed (PENDING … AWAITING_EA) it is STOPPED at once. A
 * running one (ACTIVE, STALE) becomes STOPPING with a `halt` or `close_all` command of source
 * `stop`; it is STOPPED when the EA acknowledges that command, or by the watchdog after two
 * heartbeats without an answer. Final or stopping deployments answer 409.
 */
export async function requestStop(
  db: Db,
  userId: string,
  deploymentId: string,
  closePositions: boolean,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockOwnDeployment(tx, userId, deploymentId)
    if (row.status === 'STOPPED' || row.status === 'FAILED' || row.status === 'STOPPING') {
      throw new ConflictError(
        `Deployment ${deploymentId} is ${row.status} already: there is nothing left to stop`,
        { status: row.status },
        undefined,
        'deployment_not_running',
      )
    }
    if ((UNCONFIRMED_STATUSES as readonly string[]).includes(row.status)) {
      await finishStop(tx, row, 'Stopped by the user before the EA confirmed it was running', now)
      return
    }
    const message = closePositions
      ? 'Stop requested: close all positions and halt'
      : 'Stop requested: halt new entries (open positions stay)'
    // Always a fresh command, even when already halted for another reason: the stop completes on
    // the acknowledgement of this very command.
    const issued = closePositions
      ? await closeAllAndHalt(tx, row.id, 'stop', message)
      : await haltForStop(tx, row, message)
    await tx
      .update(deployments)
      .set({
        status: 'STOPPING',
        statusReason: `Stopping: waiting for the EA to acknowledge "${issued?.command ?? 'halt'}" (command ${issued?.commandId ?? '?'})`,
        updatedAt: now,
      })
      .where(eq(deployments.id, row.id))
  })
}

async function haltForStop(tx: Db, row: DeploymentRow, message: string): Promise<IssuedCommand> {
  if (!row.haltReasons.includes('stop')) {
    await tx
      .update(deployments)
      .set({ haltReasons: [...row.haltReasons, 'stop'] })
      .where(eq(deployments.id, row.id))
  }
  return issueCommand(tx, row, 'halt', 'stop', message)
}

/**
 * Final step of every stop: STOPPED with the reason, the token revoked (its EA is refused with
 * `deployment_stopped` from now on), an unfinished confirmation phase closed, and a STOPPED event.
 */
export async function finishStop(
  tx: Db,
  row: DeploymentRow,
  reason: string,
  now: Date,
): Promise<void> {
  await tx
    .update(deployments)
    .set({
      status: 'STOPPED',
      statusReason: reason,
      stoppedAt: now,
      tokenRevokedAt: row.tokenRevokedAt ?? now,
      updatedAt: now,
    })
    .where(eq(deployments.id, row.id))
  await finishOpenPhase(
    tx,
    row.id,
    'confirmation',
    'failed',
    'The deployment was stopped first',
    now,
  )
  await recordEvent(tx, {
    userId: row.userId,
    strategyId: row.strategyId,
    deploymentId: row.id,
    accountId: row.accountId,
    type: 'STOPPED',
    metadata: { reason, from: row.status },
  })
}

/** The newest command the stop button issued, or undefined. */
export async function latestStopCommand(
  tx: Db,
  deploymentId: string,
): Promise<DeploymentCommandRow | undefined> {
  const [row] = await tx
    .select()
    .from(deploymentCommands)
    .where(
      and(eq(deploymentCommands.deploymentId, deploymentId), eq(deploymentCommands.source, 'stop')),
    )
    .orderBy(desc(deploymentCommands.commandId))
    .limit(1)
  return row
}

/**
 * The trader's own halt (`on`) or resume of a running deployment: the `user` halt reason. Resume
 * lifts only that reason; a deployment another reason holds (kill switch, daily loss) stays halted.
 */
export async function setUserHalt(
  db: Db,
  userId: string,
  deploymentId: string,
  on: boolean,
): Promise<IssuedCommand | null> {
  return db.transaction(async (tx) => {
    const row = await lockOwnDeployment(tx, userId, deploymentId)
    if (!(LIVE_STATUSES as readonly string[]).includes(row.status)) {
      throw new ConflictError(
        `Deployment ${deploymentId} is ${row.status}: only a running deployment can be ${on ? 'halted' : 'resumed'}`,
        { status: row.status },
        undefined,
        'deployment_not_running',
      )
    }
    const message = on ? 'Halted by the trader' : 'Resumed by the trader'
    const issued = await setHaltReason(tx, row.id, 'user', on, message)
    if (issued !== null) {
      await recordEvent(tx, {
        userId: row.userId,
        strategyId: row.strategyId,
        deploymentId: row.id,
        accountId: row.accountId,
        type: on ? 'HALTED' : 'RESUMED',
        metadata: { reason: 'user', message, commandId: issued.commandId, command: issued.command },
      })
    }
    return issued
  })
}

async function lockOwnDeployment(tx: Db, userId: string, deploymentId: string) {
  const [row] = await tx
    .select()
    .from(deployments)
    .where(and(eq(deployments.id, deploymentId), eq(deployments.userId, userId)))
    .for('update')
  if (row === undefined) throw new NotFoundError(`Deployment ${deploymentId} not found`)
  return row
}
