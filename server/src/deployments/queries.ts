import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import {
  DEPLOYMENT_PHASES,
  deploymentCommands,
  deploymentPhases,
  deployments,
  strategies,
  strategyVersions,
  tradingAccounts,
} from '@tradeloom/drizzle'
import type { Db, DeploymentRow, DeploymentStatus } from '@tradeloom/drizzle'
import { NotFoundError } from '../errors'
import type { DeploymentView } from './dto'

/** How many commands a deployment shows (the newest). */
const COMMANDS_SHOWN = 20
/** A list answers at most this many deployments, newest first. */
const LIST_LIMIT = 500

export interface DeploymentFilter {
  readonly id?: string
  readonly status?: DeploymentStatus
  readonly accountId?: string
}

/** The user's deployments matching the filter, newest first, with everything their DTO shows. */
export async function loadDeploymentViews(
  db: Db,
  userId: string,
  filter: DeploymentFilter = {},
): Promise<DeploymentView[]> {
  const rows = await db
    .select({
      row: deployments,
      strategyName: strategies.name,
      versionNumber: strategyVersions.version,
      accountName: tradingAccounts.name,
      accountKind: tradingAccounts.kind,
    })
    .from(deployments)
    .innerJoin(strategies, eq(strategies.id, deployments.strategyId))
    .innerJoin(strategyVersions, eq(strategyVersions.id, deployments.versionId))
    .innerJoin(tradingAccounts, eq(tradingAccounts.id, deployments.accountId))
    .where(
      and(
        eq(deployments.userId, userId),
        filter.id === undefined ? undefined : eq(deployments.id, filter.id),
        filter.status === undefined ? undefined : eq(deployments.status, filter.status),
        filter.accountId === undefined ? undefined : eq(deployments.accountId, filter.accountId),
      ),
    )
    .orderBy(desc(deployments.createdAt), desc(deployments.id))
    .limit(LIST_LIMIT)
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.row.id)
  const phases = await db
    .select()
    .from(deploymentPhases)
    .where(and(inArray(deploymentPhases.deploymentId, ids), eq(deploymentPhases.userId, userId)))
    .orderBy(asc(deploymentPhases.startedAt), asc(deploymentPhases.id))
  // Command ids run 1, 2, 3… per deployment, so the newest 20 are those above max − 20.
  const commands = await db
    .select()
    .from(deploymentCommands)
    .where(
      and(
        inArray(deploymentCommands.deploymentId, ids),
        eq(deploymentCommands.userId, userId),
        sql`${deploymentCommands.commandId} > (select coalesce(max(x.command_id), 0) - ${COMMANDS_SHOWN} from deployment_commands x where x.deployment_id = ${deploymentCommands.deploymentId})`,
      ),
    )
    .orderBy(desc(deploymentCommands.commandId))
  // Phases run in a fixed order (and share a start time when created in one request).
  const order = (phase: string) => (DEPLOYMENT_PHASES as readonly string[]).indexOf(phase)
  return rows.map((r) => ({
    ...r,
    phases: phases
      .filter((p) => p.deploymentId === r.row.id)
      .sort((a, b) => order(a.phase) - order(b.phase)),
    commands: commands.filter((c) => c.deploymentId === r.row.id),
  }))
}

/** One of the user's deployments with everything its DTO shows, or a 404. */
export async function requireDeploymentView(
  db: Db,
  userId: string,
  deploymentId: string,
): Promise<DeploymentView> {
  const [view] = await loadDeploymentViews(db, userId, { id: deploymentId })
  if (view === undefined) throw new NotFoundError(`Deployment ${deploymentId} not found`)
  return view
}

/** The user's deployment row, or a 404 (also for someone else's). */
export async function requireDeployment(
  db: Db,
  userId: string,
  deploymentId: string,
): Promise<DeploymentRow> {
  const [row] = await db
    .select()
    .from(deployments)
    .where(and(eq(deployments.id, deploymentId), eq(deployments.userId, userId)))
  if (row === undefined) throw new NotFoundError(`Deployment ${deploymentId} not found`)
  return row
}
