import { and, eq } from 'drizzle-orm'
import { deploymentPhases, deployments, tradingAccounts } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import { hashDeploymentToken, newDeploymentToken } from '../deployments/token'
import { recordEvent } from '../events/record-event'
import type { JobEngine } from '../jobs/job-engine'
import { startPaperTerminal } from './start'

/**
 * Restarts the paper terminals of paper deployments that just went STALE. A paper terminal whose
 * worker died (killed, out of memory) would otherwise only be retried at its job's expiry, hours
 * later. The restart gives the deployment a new token and queues a new terminal with it; if the
 * old terminal still lives, its next request gets 401 and it ends (terminal.ts, `replaced`), so
 * two terminals never trade one deployment. The new terminal resumes the feed after the last
 * reported bar (run-paper-terminal.ts). Returns the ids restarted.
 */
export async function restartStalePaperTerminals(
  db: Db,
  jobs: JobEngine,
  staleIds: readonly string[],
  now: Date,
): Promise<string[]> {
  const restarted: string[] = []
  for (const id of staleIds) {
    const restart = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ deployment: deployments, kind: tradingAccounts.kind })
        .from(deployments)
        .innerJoin(tradingAccounts, eq(tradingAccounts.id, deployments.accountId))
        .where(eq(deployments.id, id))
        .for('update', { of: deployments })
      if (row === undefined || row.kind !== 'paper' || row.deployment.status !== 'STALE')
        return null
      if (row.deployment.tokenRevokedAt !== null) return null
      const serverUrl = await paperServerUrl(tx, id)
      if (serverUrl === null) return null
      const token = newDeploymentToken()
      await tx
        .update(deployments)
        .set({ tokenHash: hashDeploymentToken(token), updatedAt: now })
        .where(eq(deployments.id, id))
      await recordEvent(tx, {
        userId: row.deployment.userId,
        strategyId: row.deployment.strategyId,
        deploymentId: id,
        accountId: row.deployment.accountId,
        type: 'ERROR',
        metadata: {
          reason: 'The paper terminal went silent: it was restarted with a new token',
          paperTerminalRestarted: true,
        },
      })
      return { token, serverUrl }
    })
    if (restart === null) continue
    await startPaperTerminal(jobs, { deploymentId: id, ...restart })
    restarted.push(id)
  }
  return restarted
}

/** The server URL the deployment's first paper terminal was given (hand-off phase details). */
async function paperServerUrl(tx: Db, deploymentId: string): Promise<string | null> {
  const [handoff] = await tx
    .select({ details: deploymentPhases.details })
    .from(deploymentPhases)
    .where(
      and(eq(deploymentPhases.deploymentId, deploymentId), eq(deploymentPhases.phase, 'handoff')),
    )
  const url = handoff?.details.paperServerUrl
  return typeof url === 'string' ? url : null
}
