import { and, desc, eq } from 'drizzle-orm'
import { strategyVersions } from '@tradeloom/drizzle'
import type { Db, StrategyVersionRow } from '@tradeloom/drizzle'
import { NotFoundError } from '../errors'
import type { VersionSummaryRow } from './dto'

/** A strategy's versions, newest first, without graphs and sources. */
export function listVersions(
  db: Db,
  userId: string,
  strategyId: string,
): Promise<VersionSummaryRow[]> {
  return db
    .select({
      id: strategyVersions.id,
      strategyId: strategyVersions.strategyId,
      version: strategyVersions.version,
      kind: strategyVersions.kind,
      parentVersionId: strategyVersions.parentVersionId,
      restoredFromVersionId: strategyVersions.restoredFromVersionId,
      message: strategyVersions.message,
      contentHash: strategyVersions.contentHash,
      compilerVersion: strategyVersions.compilerVersion,
      schemaVersion: strategyVersions.schemaVersion,
      createdAt: strategyVersions.createdAt,
    })
    .from(strategyVersions)
    .where(and(eq(strategyVersions.strategyId, strategyId), eq(strategyVersions.userId, userId)))
    .orderBy(desc(strategyVersions.version))
}

export async function findVersion(
  db: Db,
  userId: string,
  strategyId: string,
  versionId: string,
): Promise<StrategyVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(strategyVersions)
    .where(
      and(
        eq(strategyVersions.id, versionId),
        eq(strategyVersions.strategyId, strategyId),
        eq(strategyVersions.userId, userId),
      ),
    )
  return row
}

/** The user's version of that strategy, or a 404 (also for someone else's). */
export async function requireVersion(
  db: Db,
  userId: string,
  strategyId: string,
  versionId: string,
): Promise<StrategyVersionRow> {
  const row = await findVersion(db, userId, strategyId, versionId)
  if (row === undefined)
    throw new NotFoundError(`Version ${versionId} of strategy ${strategyId} not found`)
  return row
}

/** The newest version of a strategy, full row, or undefined before the first save. */
export async function findLatestVersion(
  db: Db,
  userId: string,
  strategyId: string,
): Promise<StrategyVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(strategyVersions)
    .where(and(eq(strategyVersions.strategyId, strategyId), eq(strategyVersions.userId, userId)))
    .orderBy(desc(strategyVersions.version))
    .limit(1)
  return row
}

/** What saving needs to know about the newest version: enough to number the next and spot a duplicate. */
export async function findLatestVersionKey(
  db: Db,
  userId: string,
  strategyId: string,
): Promise<
  | Pick<StrategyVersionRow, 'id' | 'version' | 'kind' | 'contentHash' | 'compilerVersion'>
  | undefined
> {
  const [row] = await db
    .select({
      id: strategyVersions.id,
      version: strategyVersions.version,
      kind: strategyVersions.kind,
      contentHash: strategyVersions.contentHash,
      compilerVersion: strategyVersions.compilerVersion,
    })
    .from(strategyVersions)
    .where(and(eq(strategyVersions.strategyId, strategyId), eq(strategyVersions.userId, userId)))
    .orderBy(desc(strategyVersions.version))
    .limit(1)
  return row
}

/** @internal For workers, which act on behalf of a run's owner. */
export async function findVersionForWorker(
  db: Db,
  userId: string,
  versionId: string,
): Promise<StrategyVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(strategyVersions)
    .where(and(eq(strategyVersions.id, versionId), eq(strategyVersions.userId, userId)))
  return row
}
