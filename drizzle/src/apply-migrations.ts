import { fileURLToPath } from 'node:url'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { DatabaseHandle } from './create-db'

/** The checked-in SQL written by drizzle-kit (`npm run generate -w @tradeloom/drizzle`). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url))

// Every process derives the same lock key from this name.
const MIGRATION_LOCK = 'tradeloom.migrations'

export interface ApplyMigrationsOptions {
  /** Overrides the folder, for bundled deployments that copy migrations elsewhere. */
  readonly migrationsFolder?: string
}

/**
 * Brings the schema up to date with drizzle-orm's migrator. On PostgreSQL the run holds an
 * advisory lock, because the server and separate workers may start at the same moment and
 * drizzle's migrator does not guard against two concurrent runs.
 */
export async function applyMigrations(
  handle: DatabaseHandle,
  options: ApplyMigrationsOptions = {},
): Promise<void> {
  const migrationsFolder =
    options.migrationsFolder ?? process.env.TRADELOOM_MIGRATIONS_DIR ?? MIGRATIONS_FOLDER
  if (handle.kind === 'pglite') {
    await migratePglite(drizzlePglite({ client: handle.client }), { migrationsFolder })
    return
  }
  const client = await handle.pool.connect()
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK])
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder })
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}
