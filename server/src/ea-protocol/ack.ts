import { and, eq } from 'drizzle-orm'
import { deploymentCommands, deployments } from '@tradeloom/drizzle'
import type { Db, DeploymentCommandRow, DeploymentRow } from '@tradeloom/drizzle'
import { finishStop, latestStopCommand } from '../deployments/stop'
import { AppError, ConflictError } from '../errors'
import { recordEvent } from '../events/record-event'
import type { AckMessage } from './schemas'

/**
 * `ack`: the EA ran a command. The first ack of an id wins (a repeat is 409 `ack_replayed`, which
 * the EA counts as delivered); an id never issued is 400. A confirmed halt/close_all/resume goes
 * on the timeline (HALTED/RESUMED), a failed one as ERROR. While STOPPING, the ack of the stop's
 * command (or of any later halt/close_all) completes the stop.
 */
export async function acceptAck(
  db: Db,
  deploymentId: string,
  ack: AckMessage,
  now: Date,
): Promise<Record<string, never>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(deployments)
      .where(eq(deployments.id, deploymentId))
      .for('update')
    if (row === undefined) throw new Error(`Deployment ${deploymentId} vanished`)
    const [command] = await tx
      .select()
      .from(deploymentCommands)
      .where(
        and(
          eq(deploymentCommands.deploymentId, deploymentId),
          eq(deploymentCommands.commandId, ack.commandId),
        ),
      )
    if (command === undefined) {
      throw new AppError(
        400,
        'unknown_command',
        `Command ${ack.commandId} was never issued to deployment ${deploymentId}`,
      )
    }
    if (command.ackedAt !== null) {
      throw new ConflictError(
        `Command ${ack.commandId} was acknowledged already at ${command.ackedAt.toISOString()} (${command.ackResult})`,
        undefined,
        undefined,
        'ack_replayed',
      )
    }
    await tx
      .update(deploymentCommands)
      .set({ ackedAt: now, ackResult: ack.result, ackMessage: ack.message })
      .where(
        and(
          eq(deploymentCommands.deploymentId, deploymentId),
          eq(deploymentCommands.commandId, ack.commandId),
        ),
      )
    await recordAckEvent(tx, row, command, ack)
    if (
      row.status === 'STOPPING' &&
      (command.command === 'halt' || command.command === 'close_all')
    ) {
      const stop = await latestStopCommand(tx, deploymentId)
      if (stop === undefined || command.commandId >= stop.commandId) {
        await finishStop(tx, row, stopReason(command, ack), now)
      }
    }
    return {}
  })
}

function stopReason(command: DeploymentCommandRow, ack: AckMessage): string {
  const said = ack.message === '' ? '' : ` (${ack.message})`
  if (ack.result === 'done') return `Stopped: the EA confirmed "${command.command}"${said}`
  return `Stopped, but the EA reported "${command.command}" failed${said}: check MetaTrader for positions still open`
}

async function recordAckEvent(
  tx: Db,
  row: DeploymentRow,
  command: DeploymentCommandRow,
  ack: AckMessage,
): Promise<void> {
  if (command.command === 'run') return
  const type =
    ack.result === 'failed' ? 'ERROR' : command.command === 'resume' ? 'RESUMED' : 'HALTED'
  await recordEvent(tx, {
    userId: row.userId,
    strategyId: row.strategyId,
    deploymentId: row.id,
    accountId: row.accountId,
    type,
    metadata: {
      confirmedByEa: true,
      commandId: command.commandId,
      command: command.command,
      source: command.source,
      result: ack.result,
      message: ack.message,
    },
  })
}
