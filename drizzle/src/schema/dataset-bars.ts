import { pgTable, uuid } from 'drizzle-orm/pg-core'
import { bytea } from './bytea'
import { datasets } from './datasets'
import { users } from './users'

/**
 * A data set's bars, stored compactly: one row per data set, each column the little-endian bytes
 * of a Float64Array (8 bytes a value). Storage is EXTERNAL (uncompressed, see the migration) so
 * `substring(col from … for …)` reads a range without loading the whole column.
 */
export const datasetBars = pgTable('dataset_bars', {
  datasetId: uuid('dataset_id')
    .primaryKey()
    .references(() => datasets.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  time: bytea('time').notNull(),
  open: bytea('open').notNull(),
  high: bytea('high').notNull(),
  low: bytea('low').notNull(),
  close: bytea('close').notNull(),
  tickVolume: bytea('tick_volume').notNull(),
  spread: bytea('spread').notNull(),
})

export type DatasetBarsRow = typeof datasetBars.$inferSelect
