import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import { deployments, killSwitches } from '@tradeloom/drizzle'
import type { Db, KillSwitchRow } from '@tradeloom/drizzle'
import {
  closeAllAndHalt,
  liveDeployments,
  lockUserAccounts,
  setHaltReason,
} from '../deployments/control'
import { isUniqueViolation } from '../db-errors'
import { ConflictError } from '../errors'
import { recordEvent } from '../events/record-event'
import { toKillSwitchDto } from './dto'
import type { KillSwitchActionDto, KillSwitchStateDto } from './dto'
import { activeKillSwitch } from './state'

const HISTORY_LIMIT = 100

/** The user's kill switch now and its history, newest first. */
export async function killSwitchState(db: Db, userId: string): Promise<KillSwitchStateDto> {
  const rows = await db
    .select()
    .from(killSwitches)
    .where(eq(killSwitches.userId, userId))
    .orderBy(desc(killSwitches.triggeredAt), desc(killSwitches.id))
    .limit(HISTORY_LIMIT)
  const current = rows.find((row) => row.state === 'TRIGGERED') ?? null
  return {
    state: current !== null ? 'TRIGGERED' : rows.length > 0 ? 'RESOLVED' : 'OFF',
    current: current === null ? null : toKillSwitchDto(current),
    history: rows.map(toKillSwitchDto),
  }
}

export interface TriggerOptions {
  readonly reason: string
  readonly closePositions: boolean
  readonly revokeTokens: boolean
}

function alreadyTriggered(active: KillSwitchRow, options?: ErrorOptions): ConflictError {
  return new ConflictError(
    `The kill switch is already triggered (since ${active.triggeredAt.toISOString()}: ${active.reason}); resolve it first`,
    { killSwitchId: active.id },
    options,
    'kill_switch_triggered',
  )
}

/**
 * Pulls the kill switch: every deployment of the user whose EA may be running gets `close_all`
 * (closePositions) or the `kill_switch` halt, and with revokeTokens its token stops working
 * (the EA still receives this command: see the protocol routes). One KILL_SWITCH event per
 * deployment and one for the user. 409 when already triggered.
 */
export async function triggerKillSwitch(
  db: Db,
  userId: string,
  options: TriggerOptions,
  now: Date,
): Promise<KillSwitchActionDto['affected']> {
  try {
    return await db.transaction(async (tx) => {
      const active = await activeKillSwitch(tx, userId)
      if (active !== null) throw alreadyTriggered(active)
      const [row] = await tx
        .insert(killSwitches)
        .values({ userId, ...options, state: 'TRIGGERED', triggeredAt: now })
        .returning()
      const message = `Kill switch: ${options.reason}`
      const affected: KillSwitchActionDto['affected'] = []
      await lockUserAccounts(tx, userId)
      const live = await liveDeployments(tx, userId)
      for (const deployment of live) {
        const command = options.closePositions
          ? await closeAllAndHalt(tx, deployment.id, 'kill_switch', message)
          : await setHaltReason(tx, deployment.id, 'kill_switch', true, message)
        affected.push({
          deploymentId: deployment.id,
          commandId: command?.commandId ?? null,
          command: command?.command ?? null,
        })
        await recordEvent(tx, {
          userId,
          strategyId: deployment.strategyId,
          deploymentId: deployment.id,
          accountId: deployment.accountId,
          type: 'KILL_SWITCH',
          metadata: {
            action: 'triggered',
            killSwitchId: row!.id,
            reason: options.reason,
            closePositions: options.closePositions,
            revokeTokens: options.revokeTokens,
            commandId: command?.commandId ?? null,
            command: command?.command ?? null,
          },
        })
      }
      if (options.revokeTokens && live.length > 0) {
        await tx
          .update(deployments)
          .set({ tokenRevokedAt: now, updatedAt: now })
          .where(
            and(
              inArray(
                deployments.id,
                live.map((d) => d.id),
              ),
              isNull(deployments.tokenRevokedAt),
            ),
          )
      }
      await recordEvent(tx, {
        userId,
        strategyId: null,
        type: 'KILL_SWITCH',
        metadata: {
          action: 'triggered',
          killSwitchId: row!.id,
          reason: options.reason,
          closePositions: options.closePositions,
          revokeTokens: options.revokeTokens,
          deployments: live.length,
        },
      })
      return affected
    })
  } catch (error) {
    // Two triggers racing: the partial unique index lets one through.
    if (isUniqueViolation(error)) {
      const active = await activeKillSwitch(db, userId)
      if (active !== null) throw alreadyTriggered(active, { cause: error })
    }
    throw error
  }
}

/**
 * Releases the kill switch: RESOLVED with the note, and the `kill_switch` halt lifted from every
 * running deployment whose token still works (a revoked EA stays halted: stop and redeploy it).
 * 409 when it is not triggered.
 */
export async function resolveKillSwitch(
  db: Db,
  userId: string,
  note: string | null,
  now: Date,
): Promise<KillSwitchActionDto['affected']> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(killSwitches)
      .set({ state: 'RESOLVED', resolvedAt: now, resolutionNote: note })
      .where(and(eq(killSwitches.userId, userId), eq(killSwitches.state, 'TRIGGERED')))
      .returning()
    if (row === undefined) {
      throw new ConflictError(
        'The kill switch is not triggered, so there is nothing to resolve',
        undefined,
        undefined,
        'kill_switch_not_triggered',
      )
    }
    const affected: KillSwitchActionDto['affected'] = []
    await lockUserAccounts(tx, userId)
    const live = await liveDeployments(tx, userId)
    for (const deployment of live) {
      if (deployment.tokenRevokedAt !== null || !deployment.haltReasons.includes('kill_switch')) {
        continue
      }
      const command = await setHaltReason(
        tx,
        deployment.id,
        'kill_switch',
        false,
        `Kill switch resolved${note === null ? '' : `: ${note}`}`,
      )
      affected.push({
        deploymentId: deployment.id,
        commandId: command?.commandId ?? null,
        command: command?.command ?? null,
      })
      if (command?.command === 'resume') {
        await recordEvent(tx, {
          userId,
          strategyId: deployment.strategyId,
          deploymentId: deployment.id,
          accountId: deployment.accountId,
          type: 'RESUMED',
          metadata: { reason: 'kill_switch', killSwitchId: row.id, commandId: command.commandId },
        })
      }
    }
    await recordEvent(tx, {
      userId,
      strategyId: null,
      type: 'KILL_SWITCH',
      metadata: {
        action: 'resolved',
        killSwitchId: row.id,
        note,
        resumed: affected.filter((a) => a.command === 'resume').length,
      },
    })
    return affected
  })
}
