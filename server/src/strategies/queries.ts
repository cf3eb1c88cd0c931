import { and, arrayContains, desc, eq, inArray, sql } from 'drizzle-orm'
import { strategies, strategyVersions } from '@tradeloom/drizzle'
import type { Db, StrategyRow } from '@tradeloom/drizzle'
import { NotFoundError } from '../errors'
import type { LatestVersionRow } from './dto'

export interface NewStrategy {
  name: string
  symbol: string
  timeframe: string
  strategyClass: string
  tags: string[]
}

export async function insertStrategy(
  db: Db,
  userId: string,
  input: NewStrategy,
): Promise<StrategyRow> {
  const [row] = await db
    .insert(strategies)
    .values({ userId, ...input })
    .returning()
  if (row === undefined) throw new Error('Inserting a strategy returned no row')
  return row
}

/** The user's strategies, most recently changed first, optionally those carrying `tag`. */
export function listStrategies(db: Db, userId: string, tag?: string): Promise<StrategyRow[]> {
  return db
    .select()
    .from(strategies)
    .where(
      and(
        eq(strategies.userId, userId),
        tag === undefined ? undefined : arrayContains(strategies.tags, [tag]),
      ),
    )
    .orderBy(desc(strategies.updatedAt), desc(strategies.createdAt))
}

export async function findStrategy(
  db: Db,
  userId: string,
  strategyId: string,
): Promise<StrategyRow | undefined> {
  const [row] = await db
    .select()
    .from(strategies)
    .where(and(eq(strategies.id, strategyId), eq(strategies.userId, userId)))
  return row
}

/** The user's strategy, or a 404 (also for someone else's). */
export async function requireStrategy(
  db: Db,
  userId: string,
  strategyId: string,
): Promise<StrategyRow> {
  const row = await findStrategy(db, userId, strategyId)
  if (row === undefined) throw new NotFoundError(`Strategy ${strategyId} not found`)
  return row
}

/** Changes the given fields of the user's strategy; undefined when it is not theirs. */
export async function updateStrategy(
  db: Db,
  userId: string,
  strategyId: string,
  changes: Partial<NewStrategy>,
): Promise<StrategyRow | undefined> {
  const [row] = await db
    .update(strategies)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(strategies.id, strategyId), eq(strategies.userId, userId)))
    .returning()
  return row
}

/** Deletes the user's strategy and, by cascade, everything hanging off it. */
export async function deleteStrategy(db: Db, userId: string, strategyId: string): Promise<boolean> {
  const rows = await db
    .delete(strategies)
    .where(and(eq(strategies.id, strategyId), eq(strategies.userId, userId)))
    .returning({ id: strategies.id })
  return rows.length === 1
}

/**
 * The user's strategy and its newest version in one query (the API's hottest read), or a 404.
 */
export async function requireStrategyWithLatest(
  db: Db,
  userId: string,
  strategyId: string,
): Promise<{ strategy: StrategyRow; latest: LatestVersionRow | undefined }> {
  const latest = db
    .select({
      id: strategyVersions.id,
      version: strategyVersions.version,
      contentHash: strategyVersions.contentHash,
      kind: strategyVersions.kind,
      createdAt: strategyVersions.createdAt,
    })
    .from(strategyVersions)
    .where(and(eq(strategyVersions.strategyId, strategies.id), eq(strategyVersions.userId, userId)))
    .orderBy(desc(strategyVersions.version))
    .limit(1)
    .as('latest')
  const [row] = await db
    .select({
      strategy: strategies,
      id: latest.id,
      version: latest.version,
      contentHash: latest.contentHash,
      kind: latest.kind,
      createdAt: latest.createdAt,
    })
    .from(strategies)
    .leftJoinLateral(latest, sql`true`)
    .where(and(eq(strategies.id, strategyId), eq(strategies.userId, userId)))
  if (row === undefined) throw new NotFoundError(`Strategy ${strategyId} not found`)
  const { strategy, id, version, contentHash, kind, createdAt } = row
  return {
    strategy,
    latest:
      id === null || version === null || contentHash === null || kind === null || createdAt === null
        ? undefined
        : { id, version, contentHash, kind, createdAt },
  }
}

/** The newest version of each listed strategy, keyed by strategy id. */
export async function findLatestVersions(
  db: Db,
  userId: string,
  strategyIds: readonly string[],
): Promise<Map<string, LatestVersionRow>> {
  if (strategyIds.length === 0) return new Map()
  const rows = await db
    .selectDistinctOn([strategyVersions.strategyId], {
      strategyId: strategyVersions.strategyId,
      id: strategyVersions.id,
      version: strategyVersions.version,
      contentHash: strategyVersions.contentHash,
      kind: strategyVersions.kind,
      createdAt: strategyVersions.createdAt,
    })
    .from(strategyVersions)
    .where(
      and(
        eq(strategyVersions.userId, userId),
        inArray(strategyVersions.strategyId, [...strategyIds]),
      ),
    )
    .orderBy(strategyVersions.strategyId, desc(strategyVersions.version))
  return new Map(rows.map((row) => [row.strategyId, row]))
}
