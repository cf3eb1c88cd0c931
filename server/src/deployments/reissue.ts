import { and, eq } from 'drizzle-orm'
import {
  deploymentPhases,
  deployments,
  strategies,
  strategyVersions,
  tradingAccounts,
} from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import { ConflictError, NotFoundError, UnprocessableError } from '../errors'
import { prepareHandoff } from './handoff'

/**
 * A new copy of a live deployment's EA while it waits for its EA (the first download was lost,
 * or went to the wrong terminal). The token rotates, so any earlier copy stops working; the
 * receipt gets the new code hash, and the confirmation timeout counts from now.
 */
export async function reissueEa(
  db: Db,
  userId: string,
  deploymentId: string,
  serverUrl: string,
  now: Date,
): Promise<{ fileName: string; source: string; codeHash: string }> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        row: deployments,
        version: strategyVersions,
        strategyName: strategies.name,
        accountKind: tradingAccounts.kind,
      })
      .from(deployments)
      .innerJoin(strategyVersions, eq(strategyVersions.id, deployments.versionId))
      .innerJoin(strategies, eq(strategies.id, deployments.strategyId))
      .innerJoin(tradingAccounts, eq(tradingAccounts.id, deployments.accountId))
      .where(and(eq(deployments.id, deploymentId), eq(deployments.userId, userId)))
      .for('update', { of: deployments })
    if (found === undefined) throw new NotFoundError(`Deployment ${deploymentId} not found`)
    const { row } = found
    if (found.accountKind !== 'live') {
      throw new ConflictError(
        `Deployment ${deploymentId} runs on a paper account: its paper terminal needs no EA file`,
        undefined,
        undefined,
        'not_live',
      )
    }
    if (row.status !== 'AWAITING_EA') {
      throw new ConflictError(
        `Deployment ${deploymentId} is ${row.status}: an EA can be downloaded again only while the deployment waits for it (AWAITING_EA); deploy again for a new one`,
        { status: row.status },
        undefined,
        'not_awaiting_ea',
      )
    }
    const prepared = prepareHandoff({
      deployment: row,
      version: found.version,
      strategyName: found.strategyName,
      accountKind: found.accountKind,
      serverUrl,
    })
    if (!prepared.ok) throw new UnprocessableError('handoff_failed', prepared.reason)
    const { handoff } = prepared
    const ea = handoff.ea
    if (ea === null) throw new UnprocessableError('handoff_failed', 'The EA could not be generated')
    await tx
      .update(deployments)
      .set({
        tokenHash: handoff.tokenHash,
        codeHash: handoff.receipt.codeHash,
        contentHash: handoff.receipt.contentHash,
        magic: handoff.receipt.magic,
        handedOffAt: now,
        updatedAt: now,
      })
      .where(eq(deployments.id, row.id))
    const [phase] = await tx
      .select({ id: deploymentPhases.id, details: deploymentPhases.details })
      .from(deploymentPhases)
      .where(and(eq(deploymentPhases.deploymentId, row.id), eq(deploymentPhases.phase, 'handoff')))
    if (phase !== undefined) {
      const reissues = typeof phase.details.reissues === 'number' ? phase.details.reissues : 0
      await tx
        .update(deploymentPhases)
        .set({
          details: {
            ...phase.details,
            ...handoff.receipt,
            reissues: reissues + 1,
            reissuedAt: now.toISOString(),
          },
        })
        .where(eq(deploymentPhases.id, phase.id))
    }
    return { ...ea, codeHash: handoff.receipt.codeHash }
  })
}
