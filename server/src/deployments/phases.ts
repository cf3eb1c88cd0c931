import { and, desc, eq } from 'drizzle-orm'
import { deploymentPhases } from '@tradeloom/drizzle'
import type { Db, DeploymentPhase, DeploymentRow, PhaseCheck } from '@tradeloom/drizzle'

/** Opens a phase record (status running) and returns its id. */
export async function startPhase(
  tx: Db,
  deployment: Pick<DeploymentRow, 'id' | 'userId'>,
  phase: DeploymentPhase,
  now: Date,
  details: Record<string, unknown> = {},
): Promise<string> {
  const [row] = await tx
    .insert(deploymentPhases)
    .values({
      deploymentId: deployment.id,
      userId: deployment.userId,
      phase,
      status: 'running',
      startedAt: now,
      details,
    })
    .returning({ id: deploymentPhases.id })
  if (row === undefined) throw new Error(`Opening the ${phase} phase returned no row`)
  return row.id
}

export interface PhaseOutcome {
  readonly reason?: string | null
  readonly checks?: PhaseCheck[]
  readonly details?: Record<string, unknown>
}

/** Closes a phase record as passed or failed. */
export async function finishPhase(
  tx: Db,
  phaseId: string,
  status: 'passed' | 'failed',
  outcome: PhaseOutcome,
  now: Date,
): Promise<void> {
  await tx
    .update(deploymentPhases)
    .set({
      status,
      finishedAt: now,
      reason: outcome.reason ?? null,
      ...(outcome.checks && { checks: outcome.checks }),
      ...(outcome.details && { details: outcome.details }),
    })
    .where(eq(deploymentPhases.id, phaseId))
}

/**
 * Closes the deployment's open (running) record of `phase`, if any: the confirmation phase ends
 * when the EA proves itself alive, when it never does, or when the deployment stops first.
 */
export async function finishOpenPhase(
  tx: Db,
  deploymentId: string,
  phase: DeploymentPhase,
  status: 'passed' | 'failed',
  reason: string | null,
  now: Date,
  details?: Record<string, unknown>,
): Promise<void> {
  await tx
    .update(deploymentPhases)
    .set({ status, finishedAt: now, reason, ...(details && { details }) })
    .where(
      and(
        eq(deploymentPhases.deploymentId, deploymentId),
        eq(deploymentPhases.phase, phase),
        eq(deploymentPhases.status, 'running'),
      ),
    )
}

/** Merges facts into the details of the deployment's newest record of `phase` (the EA's hello). */
export async function mergePhaseDetails(
  tx: Db,
  deploymentId: string,
  phase: DeploymentPhase,
  details: Record<string, unknown>,
): Promise<void> {
  const [current] = await tx
    .select({ id: deploymentPhases.id, details: deploymentPhases.details })
    .from(deploymentPhases)
    .where(and(eq(deploymentPhases.deploymentId, deploymentId), eq(deploymentPhases.phase, phase)))
    .orderBy(desc(deploymentPhases.startedAt))
    .limit(1)
  if (current === undefined) return
  await tx
    .update(deploymentPhases)
    .set({ details: { ...current.details, ...details } })
    .where(eq(deploymentPhases.id, current.id))
}
