import { and, desc, eq, sql } from 'drizzle-orm'
import { datasetBars, datasets } from '@tradeloom/drizzle'
import type { DatasetRow, Db, NewDatasetRow } from '@tradeloom/drizzle'
import type { Bars } from '@tradeloom/runtime'
import { NotFoundError } from '../errors'
import { bytesToFloat64, float64Bytes } from './columns'
import { lowerBound } from './lower-bound'

/** The columns of `dataset_bars`, in the order of `Bars`. */
export const BAR_COLUMNS = ['time', 'open', 'high', 'low', 'close', 'tickVolume', 'spread'] as const
export type BarColumnName = (typeof BAR_COLUMNS)[number]
export type BarColumns = Record<BarColumnName, Float64Array>

/** Stores a data set's metadata and bars together: both or neither. */
export async function insertDataset(
  db: Db,
  meta: Omit<NewDatasetRow, 'id' | 'createdAt'>,
  bars: Bars,
): Promise<DatasetRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(datasets).values(meta).returning()
    if (row === undefined) throw new Error('Inserting a dataset returned no row')
    const n = bars.length
    const column = (name: BarColumnName) => float64Bytes(bars[name].subarray(0, n))
    await tx.insert(datasetBars).values({
      datasetId: row.id,
      userId: meta.userId,
      time: column('time'),
      open: column('open'),
      high: column('high'),
      low: column('low'),
      close: column('close'),
      tickVolume: column('tickVolume'),
      spread: column('spread'),
    })
    return row
  })
}

export function listDatasets(db: Db, userId: string): Promise<DatasetRow[]> {
  return db
    .select()
    .from(datasets)
    .where(eq(datasets.userId, userId))
    .orderBy(desc(datasets.createdAt))
}

/** The user's data set, or a 404 (also for someone else's). */
export async function requireDataset(db: Db, userId: string, id: string): Promise<DatasetRow> {
  const [row] = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, id), eq(datasets.userId, userId)))
  if (row === undefined) throw new NotFoundError(`Dataset ${id} not found`)
  return row
}

export async function deleteDataset(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(datasets)
    .where(and(eq(datasets.id, id), eq(datasets.userId, userId)))
    .returning({ id: datasets.id })
  return rows.length === 1
}

/**
 * Bars `start` (inclusive) to `end` (exclusive) of the user's data set, read with `substring`
 * so only that range leaves the database. `columns` limits which columns are read.
 */
export async function readBarRange(
  db: Db,
  userId: string,
  datasetId: string,
  start: number,
  end: number,
  columns: readonly BarColumnName[] = BAR_COLUMNS,
): Promise<Partial<BarColumns>> {
  const count = Math.max(0, end - start)
  const from = start * 8 + 1
  const length = count * 8
  const select = Object.fromEntries(
    columns.map((name) => [
      name,
      sql<Uint8Array>`substring(${datasetBars[name]} from ${from}::int for ${length}::int)`,
    ]),
  )
  const [row] = await db
    .select(select)
    .from(datasetBars)
    .where(and(eq(datasetBars.datasetId, datasetId), eq(datasetBars.userId, userId)))
  if (row === undefined) throw new NotFoundError(`Dataset ${datasetId} not found`)
  return Object.fromEntries(
    columns.map((name) => [name, bytesToFloat64(toBytes(row[name]))]),
  ) as Partial<BarColumns>
}

// A raw `sql` select bypasses the column's driver mapping: PGlite gives a Uint8Array, node-postgres
// a Buffer (both Uint8Arrays).
function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value
  throw new Error(`Expected bytea from the database, got ${typeof value}`)
}

/**
 * The bar indices [start, end) of the data set between `from` and `to` (epoch seconds, both
 * inclusive); the whole set when neither is given, without reading the time column.
 */
export async function barIndexRange(
  db: Db,
  userId: string,
  dataset: DatasetRow,
  from?: number,
  to?: number,
): Promise<{ start: number; end: number }> {
  if (from === undefined && to === undefined) return { start: 0, end: dataset.barCount }
  const { time } = await readBarRange(db, userId, dataset.id, 0, dataset.barCount, ['time'])
  return {
    start: from === undefined ? 0 : lowerBound(time!, from),
    end: to === undefined ? dataset.barCount : lowerBound(time!, to + 1e-6),
  }
}

/** Every bar of the data set (optionally only those from `from` to `to`, epoch seconds). */
export async function readBars(
  db: Db,
  userId: string,
  dataset: DatasetRow,
  from?: number,
  to?: number,
): Promise<Bars> {
  const { start, end } = await barIndexRange(db, userId, dataset, from, to)
  const columns = (await readBarRange(db, userId, dataset.id, start, end)) as BarColumns
  return { length: Math.max(0, end - start), ...columns }
}
