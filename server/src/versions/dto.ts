import type { StrategyVersionRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const versionSummarySchema = z.object({
  id: z.uuid(),
  strategyId: z.uuid(),
  version: z.number().int(),
  kind: z.enum(['graph', 'code']),
  parentVersionId: z.uuid().nullable(),
  restoredFromVersionId: z.uuid().nullable(),
  message: z.string(),
  contentHash: z.string(),
  compilerVersion: z.string(),
  schemaVersion: z.number().int().nullable(),
  createdAt: z.string(),
})

export const versionDtoSchema = versionSummarySchema.extend({
  graph: z.record(z.string(), z.unknown()).nullable(),
  tsSource: z.string(),
  mql5Source: z.string().nullable(),
  diagnostics: z.array(z.unknown()),
  plots: z.array(z.unknown()),
  warmupBars: z.number().int(),
})

/** A version in a list: everything but the (large) graph and sources. */
export type VersionSummary = z.infer<typeof versionSummarySchema>
/** A full version: the graph (or code) and exactly what the compiler made of it. */
export type VersionDto = z.infer<typeof versionDtoSchema>

export type VersionSummaryRow = Omit<
  StrategyVersionRow,
  'graph' | 'tsSource' | 'mql5Source' | 'diagnostics' | 'plots' | 'warmupBars' | 'userId'
>

export function toVersionSummary(row: VersionSummaryRow): VersionSummary {
  return {
    id: row.id,
    strategyId: row.strategyId,
    version: row.version,
    kind: row.kind,
    parentVersionId: row.parentVersionId,
    restoredFromVersionId: row.restoredFromVersionId,
    message: row.message,
    contentHash: row.contentHash,
    compilerVersion: row.compilerVersion,
    schemaVersion: row.schemaVersion,
    createdAt: row.createdAt.toISOString(),
  }
}

export function toVersionDto(row: StrategyVersionRow): VersionDto {
  return {
    ...toVersionSummary(row),
    graph: row.graph,
    tsSource: row.tsSource,
    mql5Source: row.mql5Source,
    diagnostics: row.diagnostics,
    plots: row.plots,
    warmupBars: row.warmupBars,
  }
}
