import type { StrategyRow, StrategyVersionRow } from '@tradeloom/drizzle'

/** The newest version of a strategy, enough to open it. */
export interface LatestVersion {
  id: string
  version: number
  contentHash: string
  createdAt: string
}

/** A strategy as the API returns it. */
export interface StrategyDto {
  id: string
  name: string
  strategyClass: string
  symbol: string
  timeframe: string
  createdAt: string
  updatedAt: string
  latestVersion: LatestVersion | null
}

export type LatestVersionRow = Pick<
  StrategyVersionRow,
  'id' | 'version' | 'contentHash' | 'createdAt'
>

export function toStrategyDto(row: StrategyRow, latest: LatestVersionRow | undefined): StrategyDto {
  return {
    id: row.id,
    name: row.name,
    strategyClass: row.strategyClass,
    symbol: row.symbol,
    timeframe: row.timeframe,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    latestVersion: latest
      ? {
          id: latest.id,
          version: latest.version,
          contentHash: latest.contentHash,
          createdAt: latest.createdAt.toISOString(),
        }
      : null,
  }
}
