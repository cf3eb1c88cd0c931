import type { StrategyVersionRow } from '@tradeloom/drizzle'

/** A version in a list: everything but the (large) graph and sources. */
export interface VersionSummary {
  id: string
  strategyId: string
  version: number
  parentVersionId: string | null
  message: string
  contentHash: string
  compilerVersion: string
  schemaVersion: number
  createdAt: string
}

/** A full version: the graph and exactly what the compiler made of it. */
export interface VersionDto extends VersionSummary {
  graph: Record<string, unknown>
  tsSource: string
  mql5Source: string
  diagnostics: unknown[]
  plots: unknown[]
  warmupBars: number
}

export type VersionSummaryRow = Omit<
  StrategyVersionRow,
  'graph' | 'tsSource' | 'mql5Source' | 'diagnostics' | 'plots' | 'warmupBars' | 'userId'
>

export function toVersionSummary(row: VersionSummaryRow): VersionSummary {
  return {
    id: row.id,
    strategyId: row.strategyId,
    version: row.version,
    parentVersionId: row.parentVersionId,
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
