import type { DatasetRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const datasetSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  symbol: z.string(),
  timeframe: z.string().nullable(),
  barCount: z.number().int(),
  /** First and last bar, ISO and epoch seconds. */
  from: z.string(),
  to: z.string(),
  firstTime: z.number(),
  lastTime: z.number(),
  source: z.string(),
  format: z.string(),
  sizeBytes: z.number().int(),
  warningCount: z.number().int(),
  skippedCount: z.number().int(),
  createdAt: z.string(),
})

export const datasetDtoSchema = datasetSummarySchema.extend({
  /** The importer's data-quality report (runtime `DataReport`). */
  report: z.record(z.string(), z.unknown()),
})

export const barsPageSchema = z.object({
  datasetId: z.uuid(),
  total: z.number().int(),
  offset: z.number().int(),
  count: z.number().int(),
  time: z.array(z.number()),
  open: z.array(z.number()),
  high: z.array(z.number()),
  low: z.array(z.number()),
  close: z.array(z.number()),
  tickVolume: z.array(z.number()),
  spread: z.array(z.number()),
})

export type DatasetSummary = z.infer<typeof datasetSummarySchema>
export type DatasetDto = z.infer<typeof datasetDtoSchema>
/** A range of bars, columnar: `time[i]`, `open[i]`, … are bar `offset + i`. */
export type BarsPageDto = z.infer<typeof barsPageSchema>

function count(report: Record<string, unknown>, list: string): number {
  const value = report[list]
  return Array.isArray(value) ? value.length : 0
}

export function toDatasetSummary(row: DatasetRow): DatasetSummary {
  return {
    id: row.id,
    name: row.name,
    symbol: row.symbol,
    timeframe: row.timeframe,
    barCount: row.barCount,
    from: new Date(row.firstTime * 1000).toISOString(),
    to: new Date(row.lastTime * 1000).toISOString(),
    firstTime: row.firstTime,
    lastTime: row.lastTime,
    source: row.source,
    format: row.format,
    sizeBytes: row.sizeBytes,
    warningCount: count(row.report, 'warnings'),
    skippedCount: count(row.report, 'skipped'),
    createdAt: row.createdAt.toISOString(),
  }
}

export function toDatasetDto(row: DatasetRow): DatasetDto {
  return { ...toDatasetSummary(row), report: row.report }
}
