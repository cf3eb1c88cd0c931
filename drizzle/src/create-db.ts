import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import * as schema from './schema/index'
import { createPgliteExecutor } from './pglite-executor'
import type { SqlExecutor } from './pglite-executor'
import { resolveDbConfig } from './resolve-db-config'
import type { CreateDbOptions } from './resolve-db-config'

/** The drizzle database, typed with our schema, whichever driver runs underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

/**
 * What pg-boss should connect with: its own pool on PostgreSQL, or our executor on PGlite
 * (pg-boss cannot open connections to an embedded database). Spread it into pg-boss's options.
 */
export type JobConnection = { readonly connectionString: string } | { readonly db: SqlExecutor }

export type DatabaseHandle = PgliteHandle | PostgresHandle

interface HandleBase {
  readonly db: Db
  /** Runs raw SQL (many statements allowed when there are no parameters). */
  readonly sql: SqlExecutor
  readonly jobConnection: JobConnection
  /** Where the data lives, safe to print: the PGlite folder or the URL without its password. */
  readonly location: string
  close(): Promise<void>
}

export interface PgliteHandle extends HandleBase {
  readonly kind: 'pglite'
  readonly client: PGlite
}

export interface PostgresHandle extends HandleBase {
  readonly kind: 'postgres'
  readonly pool: pg.Pool
}

/**
 * Opens the database: PGlite in a local folder when there is no `url`/`DATABASE_URL`, so a fresh
 * clone needs no set-up, and a node-postgres pool otherwise. Call `applyMigrations` next.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DatabaseHandle> {
  const config = resolveDbConfig(options)
  if (config.kind === 'postgres') return await openPostgres(config.url)
  return openPglite(config.dataDir)
}

async function openPglite(dataDir: string): Promise<PgliteHandle> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true })
  const client = new PGlite(dataDir)
  await client.waitReady
  const sql = createPgliteExecutor(client)
  return {
    kind: 'pglite',
    client,
    db: drizzlePglite({ client, schema }),
    sql,
    jobConnection: { db: sql },
    location: dataDir,
    close: () => client.close(),
  }
}

async function openPostgres(url: string): Promise<PostgresHandle> {
  const pool = new pg.Pool({ connectionString: url })
  // An idle client losing its connection (server restart) must not crash the process; the pool
  // replaces it and the next query reports the problem where it can be handled.
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message))
  try {
    await pool.query('select 1')
  } catch (cause) {
    await pool.end()
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}`, { cause })
  }
  return {
    kind: 'postgres',
    pool,
    db: drizzlePostgres({ client: pool, schema }),
    sql: {
      async executeSql(text, values) {
        const result = await pool.query<Record<string, unknown>>(text, values)
        return { rows: result.rows }
      },
    },
    jobConnection: { connectionString: url },
    location: redactUrl(url),
    close: () => pool.end(),
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'postgres (unparseable URL)'
  }
}
