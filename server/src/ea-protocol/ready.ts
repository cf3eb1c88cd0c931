import { eq } from 'drizzle-orm'
import { deployments } from '@tradeloom/drizzle'
import type { Db, DeploymentRow } from '@tradeloom/drizzle'
import { mergePhaseDetails } from '../deployments/phases'
import type { ReadyMessage } from './schemas'

/**
 * `ready`: sent from the EA's timer right after an accepted hello, so it proves the timer runs
 * and WebRequest reaches us. The deployment turns ACTIVE on the next heartbeat.
 */
export async function acceptReady(
  db: Db,
  deployment: DeploymentRow,
  ready: ReadyMessage,
  now: Date,
): Promise<Record<string, never>> {
  await db.transaction(async (tx) => {
    await tx
      .update(deployments)
      .set({ readyAt: now, updatedAt: now })
      .where(eq(deployments.id, deployment.id))
    await mergePhaseDetails(tx, deployment.id, 'confirmation', {
      readyAt: now.toISOString(),
      eaHalted: ready.halted,
      eaHaltReason: ready.haltReason,
      outboxSize: ready.outboxSize,
      tradeAllowed: ready.tradeAllowed,
    })
  })
  return {}
}
