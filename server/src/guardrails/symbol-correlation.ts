import { and, desc, eq, inArray } from 'drizzle-orm'
import { datasets } from '@tradeloom/drizzle'
import type { DatasetRow, Db } from '@tradeloom/drizzle'
import { correlationOfDailyReturns } from '@tradeloom/runtime'
import type { Bars } from '@tradeloom/runtime'
import { readBars } from '../datasets/queries'

/** Which of the user's data sets stands for each symbol: the one reaching the most recent bar. */
export async function datasetsForSymbols(
  db: Db,
  userId: string,
  symbols: readonly string[],
): Promise<Map<string, DatasetRow>> {
  if (symbols.length === 0) return new Map()
  const rows = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.userId, userId), inArray(datasets.symbol, [...new Set(symbols)])))
    .orderBy(desc(datasets.lastTime), desc(datasets.barCount), desc(datasets.createdAt))
  const picked = new Map<string, DatasetRow>()
  for (const row of rows) if (!picked.has(row.symbol)) picked.set(row.symbol, row)
  return picked
}

export interface PairCorrelation {
  /** Pearson correlation of daily log returns on common days; null with too few of them. */
  readonly correlation: number | null
  /** Common daily returns it was computed from. */
  readonly days: number
}

// Data sets never change after upload (only new ones are added), so a pair's correlation is fixed
// by the two data set ids and the lookback: cache it instead of reading bars on every heartbeat.
const CACHE_LIMIT = 1000
const cache = new Map<string, PairCorrelation>()

/** Correlation of daily returns of two data sets over the last `lookbackDays` (cached). */
export async function datasetCorrelation(
  db: Db,
  userId: string,
  a: DatasetRow,
  b: DatasetRow,
  lookbackDays: number,
): Promise<PairCorrelation> {
  if (a.id === b.id) return { correlation: 1, days: 0 }
  const [first, second] = a.id < b.id ? [a, b] : [b, a]
  const key = `${first.id}|${second.id}|${lookbackDays}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const [barsA, barsB] = [
    await recentBars(db, userId, first, lookbackDays),
    await recentBars(db, userId, second, lookbackDays),
  ]
  const { correlation, days } = correlationOfDailyReturns(barsA, barsB, { lookbackDays })
  const result = { correlation, days }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  cache.set(key, result)
  return result
}

// Enough calendar days before the data set's end for `lookbackDays` daily returns even across
// weekends and holidays (and two sets ending a little apart); reading less of a long intraday set
// keeps this quick.
function recentBars(db: Db, userId: string, dataset: DatasetRow, lookbackDays: number) {
  const from = dataset.lastTime - (lookbackDays * 2 + 14) * 86_400
  return readBars(db, userId, dataset, from) as Promise<Bars>
}

/** The open symbol that `symbol` correlates with most (by absolute value), or null. */
export interface WorstCorrelation {
  readonly other: string
  readonly correlation: number
  readonly days: number
}

/**
 * How strongly an entry in `symbol` would move with the symbols held: the largest |correlation|
 * against any of `openSymbols` (1 for the same symbol). Pairs without a data set on either side or
 * with too few common days are left out; null when none is left.
 */
export async function worstCorrelation(
  db: Db,
  userId: string,
  symbol: string,
  openSymbols: readonly string[],
  lookbackDays: number,
  picked?: ReadonlyMap<string, DatasetRow>,
): Promise<WorstCorrelation | null> {
  if (openSymbols.includes(symbol)) return { other: symbol, correlation: 1, days: 0 }
  const sets = picked ?? (await datasetsForSymbols(db, userId, [symbol, ...openSymbols]))
  const own = sets.get(symbol)
  if (own === undefined) return null
  let worst: WorstCorrelation | null = null
  for (const other of openSymbols) {
    const theirs = sets.get(other)
    if (theirs === undefined) continue
    const pair = await datasetCorrelation(db, userId, own, theirs, lookbackDays)
    if (pair.correlation === null) continue
    if (worst === null || Math.abs(pair.correlation) > Math.abs(worst.correlation)) {
      worst = { other, correlation: pair.correlation, days: pair.days }
    }
  }
  return worst
}
