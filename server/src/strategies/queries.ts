import { and, desc, eq, inArray } from 'drizzle-orm'
import { strategies, strategyVersions } from '@tradeloom/drizzle'
import type { Db, StrategyRow } from '@tradeloom/drizzle'
import type { LatestVersionRow } from './dto'

export interface NewStrategy {
  name: string
  symbol: string
  timeframe: string
  strategyClass: string
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

/** The user's strategies, most recently changed first. */
export function listStrategies(db: Db, userId: string): Promise<StrategyRow[]> {
  return db
    .select()
    .from(strategies)
    .where(eq(strategies.userId, userId))
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
