import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { deploymentCommands, deployments } from '@tradeloom/drizzle'
import type { Db, DeploymentRow, EaCommand, HaltReason } from '@tradeloom/drizzle'

/**
 * How the server steers a running EA (protocol §5 "Commands and ack"). Guardrails, the kill
 * switch, the stop button and the trader each add or remove a *halt reason*; the deployment is
 * halted while any reason holds, and a command is issued only when that changes, so two sources
 * halting the same EA do not stack commands, and lifting one of them does not resume an EA that
 * another still holds. `close_all` is issued on its own (kill switch with close, stop with close)
 * and always halts too.
 */

/**
 * Lock order, to keep concurrent heartbeats, trade reports and kill switches from deadlocking:
 * a transaction that may lock more than one deployment first locks the trading account rows
 * involved (by id), then deployment rows (by id; {@link liveDeployments} returns them so).
 */
export async function lockAccounts(tx: Db, accountIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(accountIds)].sort()) {
    await tx.execute(sql`select id from trading_accounts where id = ${id} for update`)
  }
}

/** Locks every trading account of a user, by id: for changes that reach all their deployments. */
export async function lockUserAccounts(tx: Db, userId: string): Promise<void> {
  await tx.execute(
    sql`select id from trading_accounts where user_id = ${userId} order by id for update`,
  )
}

/** Statuses whose EA may still be running and so must be told. */
export const LIVE_STATUSES = ['AWAITING_EA', 'ACTIVE', 'STALE', 'STOPPING'] as const

export interface IssuedCommand {
  readonly deploymentId: string
  readonly commandId: number
  readonly command: EaCommand
}

/**
 * Appends a command for one deployment with the next id (1, 2, 3… per deployment). Run inside the
 * caller's transaction; the row lock on the deployment keeps two writers from taking one id.
 */
export async function issueCommand(
  tx: Db,
  deployment: Pick<DeploymentRow, 'id' | 'userId'>,
  command: EaCommand,
  source: string,
  reason: string,
): Promise<IssuedCommand> {
  await tx.execute(sql`select id from deployments where id = ${deployment.id} for update`)
  const [last] = await tx
    .select({ commandId: deploymentCommands.commandId })
    .from(deploymentCommands)
    .where(eq(deploymentCommands.deploymentId, deployment.id))
    .orderBy(desc(deploymentCommands.commandId))
    .limit(1)
  const commandId = (last?.commandId ?? 0) + 1
  await tx.insert(deploymentCommands).values({
    deploymentId: deployment.id,
    commandId,
    userId: deployment.userId,
    command,
    source,
    reason,
  })
  return { deploymentId: deployment.id, commandId, command }
}

/**
 * Adds (`on`) or removes a halt reason on one deployment and issues `halt` when it becomes halted
 * or `resume` when the last reason goes. Returns the command issued, or null when the halted
 * state did not change. Final deployments (STOPPED, FAILED) are left alone.
 */
export async function setHaltReason(
  tx: Db,
  deploymentId: string,
  reason: HaltReason,
  on: boolean,
  message: string,
): Promise<IssuedCommand | null> {
  const row = await lockLiveDeployment(tx, deploymentId)
  if (row === null) return null
  const before = row.haltReasons
  if (before.includes(reason) === on) return null
  const after = on ? [...before, reason] : before.filter((r) => r !== reason)
  await writeHaltReasons(tx, deploymentId, after)
  const isHalted = after.length > 0
  if (before.length > 0 === isHalted) return null
  return issueCommand(tx, row, isHalted ? 'halt' : 'resume', reason, message)
}

/**
 * Adds a halt reason and issues `close_all` (which halts too, then flattens the EA's positions),
 * whatever the deployment's halted state was.
 */
export async function closeAllAndHalt(
  tx: Db,
  deploymentId: string,
  reason: HaltReason,
  message: string,
): Promise<IssuedCommand | null> {
  const row = await lockLiveDeployment(tx, deploymentId)
  if (row === null) return null
  if (!row.haltReasons.includes(reason)) {
    await writeHaltReasons(tx, deploymentId, [...row.haltReasons, reason])
  }
  return issueCommand(tx, row, 'close_all', reason, message)
}

/** The deployment under a row lock, or null when it is gone or final (nothing to tell its EA). */
async function lockLiveDeployment(tx: Db, deploymentId: string): Promise<DeploymentRow | null> {
  const [row] = await tx
    .select()
    .from(deployments)
    .where(eq(deployments.id, deploymentId))
    .for('update')
  if (row === undefined || !(LIVE_STATUSES as readonly string[]).includes(row.status)) return null
  return row
}

async function writeHaltReasons(
  tx: Db,
  deploymentId: string,
  reasons: HaltReason[],
): Promise<void> {
  await tx
    .update(deployments)
    .set({ haltReasons: reasons, updatedAt: new Date() })
    .where(eq(deployments.id, deploymentId))
}

/** The user's deployments whose EA may be running, optionally those of one trading account. */
export function liveDeployments(
  tx: Db,
  userId: string,
  accountId?: string,
): Promise<DeploymentRow[]> {
  return tx
    .select()
    .from(deployments)
    .where(
      and(
        eq(deployments.userId, userId),
        accountId === undefined ? undefined : eq(deployments.accountId, accountId),
        inArray(deployments.status, [...LIVE_STATUSES]),
      ),
    )
    .orderBy(deployments.id)
}

/**
 * The command a heartbeat reply carries: the newest one not yet acknowledged (a newer command
 * supersedes an older unacknowledged one), or null for `run`.
 */
export async function pendingCommand(
  tx: Db,
  deploymentId: string,
): Promise<{ commandId: number; command: EaCommand } | null> {
  const [newest] = await tx
    .select({
      commandId: deploymentCommands.commandId,
      command: deploymentCommands.command,
      ackedAt: deploymentCommands.ackedAt,
    })
    .from(deploymentCommands)
    .where(eq(deploymentCommands.deploymentId, deploymentId))
    .orderBy(desc(deploymentCommands.commandId))
    .limit(1)
  if (newest === undefined || newest.ackedAt !== null) return null
  return { commandId: newest.commandId, command: newest.command }
}

/** Marks a command delivered the first time a heartbeat reply carries it. */
export async function markCommandSent(
  tx: Db,
  deploymentId: string,
  commandId: number,
): Promise<void> {
  await tx
    .update(deploymentCommands)
    .set({ sentAt: new Date() })
    .where(
      and(
        eq(deploymentCommands.deploymentId, deploymentId),
        eq(deploymentCommands.commandId, commandId),
        isNull(deploymentCommands.sentAt),
      ),
    )
}
