import type { StrategyRow, StrategyVersionRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const latestVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  contentHash: z.string(),
  kind: z.enum(['graph', 'code']),
  createdAt: z.string(),
})

export const strategyDtoSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  strategyClass: z.string(),
  symbol: z.string(),
  timeframe: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  latestVersion: latestVersionSchema.nullable(),
})

/** The newest version of a strategy, enough to open it. */
export type LatestVersion = z.infer<typeof latestVersionSchema>
/** A strategy as the API returns it. */
export type StrategyDto = z.infer<typeof strategyDtoSchema>

export type LatestVersionRow = Pick<
  StrategyVersionRow,
  'id' | 'version' | 'contentHash' | 'kind' | 'createdAt'
>

export function toStrategyDto(row: StrategyRow, latest: LatestVersionRow | undefined): StrategyDto {
  return {
    id: row.id,
    name: row.name,
    strategyClass: row.strategyClass,
    symbol: row.symbol,
    timeframe: row.timeframe,
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    latestVersion: latest
      ? {
          id: latest.id,
          version: latest.version,
          contentHash: latest.contentHash,
          kind: latest.kind,
          createdAt: latest.createdAt.toISOString(),
        }
      : null,
  }
}
