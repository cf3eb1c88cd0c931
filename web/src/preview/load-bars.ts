import { barsFromColumns, generateSyntheticBars } from '@tradeloom/runtime'
import type { Bars } from '@tradeloom/runtime'
import type { PreviewData } from './run-preview'

/** A dataset's bars as the server sends them: one array per column, times in epoch seconds. */
export interface BarColumnsJson {
  time: number[]
  open: number[]
  high: number[]
  low: number[]
  close: number[]
  tickVolume?: number[]
  spread?: number[]
}

/** A stable key for a data choice; equal keys mean equal bars. */
export function dataKey(data: PreviewData): string {
  return data.kind === 'synthetic'
    ? `synthetic:${data.seed}:${data.bars}`
    : `dataset:${data.datasetId}:${data.from ?? ''}:${data.to ?? ''}`
}

/** Turns the server's JSON columns into runtime Bars, keeping only bars inside [from, to]. */
export function barsFromJson(json: BarColumnsJson, from?: number, to?: number): Bars {
  let start = 0
  let end = json.time.length
  if (from !== undefined) while (start < end && json.time[start]! < from) start++
  if (to !== undefined) while (end > start && json.time[end - 1]! > to) end--
  const column = (values: number[] | undefined, fill: number) =>
    values ? Float64Array.from(values.slice(start, end)) : new Float64Array(end - start).fill(fill)
  return barsFromColumns({
    time: column(json.time, 0),
    open: column(json.open, 0),
    high: column(json.high, 0),
    low: column(json.low, 0),
    close: column(json.close, 0),
    tickVolume: column(json.tickVolume, 0),
    spread: column(json.spread, 0),
  })
}

let cached: { key: string; bars: Bars } | undefined

/**
 * The bars for a data choice, cached across runs (generating or downloading bars costs more than
 * backtesting a small graph). Datasets come from the server's bars route.
 */
export async function loadBars(data: PreviewData): Promise<Bars> {
  const key = dataKey(data)
  if (cached?.key === key) return cached.bars
  let bars: Bars
  if (data.kind === 'synthetic') {
    bars = generateSyntheticBars({ seed: data.seed, count: data.bars })
  } else {
    bars = barsFromJson(await fetchDatasetBars(data.datasetId), data.from, data.to)
    if (bars.length === 0) throw new Error('The chosen date range holds no bars')
  }
  cached = { key, bars }
  return bars
}

/** The server pages bars (at most 50,000 a request); this reads them all, in order. */
async function fetchDatasetBars(datasetId: string): Promise<BarColumnsJson> {
  const all: Required<BarColumnsJson> = {
    time: [],
    open: [],
    high: [],
    low: [],
    close: [],
    tickVolume: [],
    spread: [],
  }
  const limit = 50_000
  for (let offset = 0; ; offset += limit) {
    const url = `/api/datasets/${encodeURIComponent(datasetId)}/bars?offset=${offset}&limit=${limit}`
    const response = await fetch(url, { credentials: 'same-origin' })
    if (!response.ok) {
      let message = `Could not load the dataset's bars (HTTP ${response.status})`
      try {
        const body = (await response.json()) as { error?: { message?: string } }
        if (body.error?.message) message = body.error.message
      } catch {
        // Not our JSON error body: keep the status message.
      }
      throw new Error(message)
    }
    const page = (await response.json()) as BarColumnsJson & { total: number; count: number }
    for (const key of Object.keys(all) as (keyof BarColumnsJson)[]) {
      const values = page[key]
      if (values) for (const value of values) all[key].push(value)
    }
    if (page.count === 0 || offset + page.count >= page.total) return all
  }
}
