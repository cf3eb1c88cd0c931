import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * An uploaded bar file: what it is (symbol, timeframe, range, size) and the importer's
 * data-quality report. The bars themselves live in `dataset_bars`, one row per data set.
 */
export const datasets = pgTable(
  'datasets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    symbol: text('symbol').notNull(),
    /** Detected from the bar spacing (or given at upload); null when not recognised. */
    timeframe: text('timeframe'),
    barCount: integer('bar_count').notNull(),
    /** Epoch seconds of the first and last bar. */
    firstTime: doublePrecision('first_time').notNull(),
    lastTime: doublePrecision('last_time').notNull(),
    /** The uploaded file's name, or 'upload'. */
    source: text('source').notNull(),
    /** The importer's detected layout (mt5, yahoo, …). */
    format: text('format').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('datasets_user_created_idx').on(table.userId, table.createdAt)],
)

export type DatasetRow = typeof datasets.$inferSelect
export type NewDatasetRow = typeof datasets.$inferInsert
