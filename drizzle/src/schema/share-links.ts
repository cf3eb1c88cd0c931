import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { strategies } from './strategies'
import { strategyVersions } from './strategy-versions'
import { users } from './users'

/**
 * A read-only link to one version (teaching mode): whoever holds the token may read that version
 * without signing in, and nothing else. One link per version; deleting it revokes access.
 */
export const shareLinks = pgTable(
  'share_links',
  {
    /** 24 random bytes, base64url: the capability itself. */
    token: text('token').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .unique()
      .references(() => strategyVersions.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('share_links_strategy_idx').on(table.strategyId)],
)

export type ShareLinkRow = typeof shareLinks.$inferSelect
