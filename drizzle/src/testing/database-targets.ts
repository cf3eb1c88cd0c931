import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { applyMigrations } from '../apply-migrations'
import { createDb } from '../create-db'
import type { DatabaseHandle } from '../create-db'

/** A migrated, throw-away database for one test suite. */
export interface TestDatabase {
  readonly handle: DatabaseHandle
  /** Closes the connection and deletes everything the suite wrote. */
  dispose(): Promise<void>
}

export interface DatabaseTarget {
  readonly name: 'pglite' | 'postgres'
  open(): Promise<TestDatabase>
}

/**
 * The databases every database suite runs on: in-memory PGlite always, and PostgreSQL too when
 * `DATABASE_URL` is set. Use with `describe.each(databaseTargets())('on $name', …)` so both
 * run the same assertions.
 */
export function databaseTargets(
  env: Readonly<Record<string, string | undefined>> = process.env,
): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'pglite', open: openPgliteTarget }]
  const url = env.DATABASE_URL?.trim()
  if (url) targets.push({ name: 'postgres', open: () => openPostgresTarget(url) })
  return targets
}

async function openPgliteTarget(): Promise<TestDatabase> {
  const handle = await createDb({ dataDir: 'memory://' })
  await applyMigrations(handle)
  return { handle, dispose: () => handle.close() }
}

/**
 * Each suite gets its own database, created from the server in `DATABASE_URL` and dropped at the
 * end: drizzle-kit's SQL names the `public` schema, so a per-suite schema would not isolate.
 */
async function openPostgresTarget(adminUrl: string): Promise<TestDatabase> {
  const name = `tradeloom_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database "${name}"`)
  } catch (cause) {
    await admin.end()
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new Error(
      `The PostgreSQL test target creates one database per suite, and that failed (${reason}). ` +
        'Give the DATABASE_URL user CREATEDB, or unset DATABASE_URL to test on PGlite only.',
      { cause },
    )
  }
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = await createDb({ url: url.toString() })
  await applyMigrations(handle)
  return {
    handle,
    async dispose() {
      await handle.close()
      const cleanup = new pg.Client({ connectionString: adminUrl })
      await cleanup.connect()
      try {
        await cleanup.query(`drop database if exists "${name}" with (force)`)
      } finally {
        await cleanup.end()
      }
    },
  }
}
