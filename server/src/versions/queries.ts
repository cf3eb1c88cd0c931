import { and, desc, eq } from 'drizzle-orm'
import { strategyVersions } from '@tradeloom/drizzle'
import type { Db, StrategyVersionRow } from '@tradeloom/drizzle'
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
      parentVersionId: strategyVersions.parentVersionId,
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
