import { and, eq, inArray, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { deployments, strategies, tradeLogs, tradingAccounts } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import { z } from 'zod'

export const qualityRowSchema = z.object({
  /** The deployment id (byDeployment) or the symbol (bySymbol). */
  key: z.string(),
  /** byDeployment: "strategy · symbol · account", for people. */
  label: z.string(),
  deals: z.number().int(),
  rejected: z.number().int(),
  /** rejected / (deals the EA requested + rejected); null without any request. */
  failureRate: z.number().nullable(),
  avgLatencyMs: z.number().nullable(),
  /** Positive is against the trader. */
  avgSlippagePoints: z.number().nullable(),
  maxSlippagePoints: z.number().nullable(),
  avgSpreadPoints: z.number().nullable(),
})

export const executionQualitySchema = z.object({
  byDeployment: z.array(qualityRowSchema),
  bySymbol: z.array(qualityRowSchema),
})

export type QualityRow = z.infer<typeof qualityRowSchema>
export type ExecutionQualityDto = z.infer<typeof executionQualitySchema>

export interface QualityFilter {
  readonly deploymentId?: string
  readonly symbol?: string
}

/**
 * Execution quality of the user's trade logs, by deployment and by symbol: how many deals and
 * refusals, the failure rate of the EA's own requests, and average latency, slippage and spread.
 * Deals the EA did not request (stop loss, take profit, manual) have no requested price and do
 * not count as requests.
 */
export async function executionQuality(
  db: Db,
  userId: string,
  filter: QualityFilter,
): Promise<ExecutionQualityDto> {
  const where = and(
    eq(tradeLogs.userId, userId),
    filter.deploymentId === undefined ? undefined : eq(tradeLogs.deploymentId, filter.deploymentId),
    filter.symbol === undefined ? undefined : eq(tradeLogs.symbol, filter.symbol),
  )
  const byDeployment = await aggregate(db, tradeLogs.deploymentId, where)
  const bySymbol = await aggregate(db, tradeLogs.symbol, where)
  const labels = await deploymentLabels(
    db,
    userId,
    byDeployment.map((row) => row.key),
  )
  return {
    byDeployment: byDeployment.map((row) => ({ ...row, label: labels.get(row.key) ?? row.key })),
    bySymbol: bySymbol.map((row) => ({ ...row, label: row.key })),
  }
}

async function aggregate(db: Db, key: PgColumn, where: SQL | undefined): Promise<QualityRow[]> {
  const isDeal = sql`${tradeLogs.kind} = 'deal'`
  const rows = await db
    .select({
      key: sql<string>`${key}::text`,
      deals: sql`count(*) filter (where ${isDeal})`.mapWith(Number),
      rejected: sql`count(*) filter (where ${tradeLogs.kind} = 'rejected')`.mapWith(Number),
      requested:
        sql`count(*) filter (where ${isDeal} and ${tradeLogs.requestedPrice} is not null)`.mapWith(
          Number,
        ),
      avgLatencyMs: sql`avg(${tradeLogs.latencyMs})`.mapWith(Number),
      avgSlippagePoints: sql`avg(${tradeLogs.slippagePoints}) filter (where ${isDeal})`.mapWith(
        Number,
      ),
      maxSlippagePoints: sql`max(${tradeLogs.slippagePoints}) filter (where ${isDeal})`.mapWith(
        Number,
      ),
      avgSpreadPoints: sql`avg(${tradeLogs.spreadPoints})`.mapWith(Number),
    })
    .from(tradeLogs)
    .where(where)
    .groupBy(key)
    .orderBy(key)
  return rows.map((row) => {
    const requests = row.requested + row.rejected
    return {
      key: row.key,
      label: row.key,
      deals: row.deals,
      rejected: row.rejected,
      failureRate: requests === 0 ? null : round(row.rejected / requests, 4),
      avgLatencyMs: round(row.avgLatencyMs, 1),
      avgSlippagePoints: round(row.avgSlippagePoints, 2),
      maxSlippagePoints: round(row.maxSlippagePoints, 2),
      avgSpreadPoints: round(row.avgSpreadPoints, 1),
    }
  })
}

async function deploymentLabels(
  db: Db,
  userId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({
      id: deployments.id,
      strategy: strategies.name,
      symbol: deployments.symbol,
      account: tradingAccounts.name,
    })
    .from(deployments)
    .innerJoin(strategies, eq(strategies.id, deployments.strategyId))
    .innerJoin(tradingAccounts, eq(tradingAccounts.id, deployments.accountId))
    .where(and(eq(deployments.userId, userId), inArray(deployments.id, [...ids])))
  return new Map(rows.map((r) => [r.id, `${r.strategy} · ${r.symbol} · ${r.account}`]))
}

function round(value: number | null, decimals: number): number | null {
  if (value === null || !Number.isFinite(value)) return null
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}
