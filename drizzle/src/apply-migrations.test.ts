import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations } from './apply-migrations'
import { createDb } from './create-db'
import { strategies, users } from './schema/index'
import { databaseTargets } from './testing/database-targets'
import type { TestDatabase } from './testing/database-targets'

describe.each(databaseTargets())('migrations on $name', (target) => {
  let test: TestDatabase

  beforeAll(async () => {
    test = await target.open()
  })
  afterAll(() => test?.dispose())

  it('creates every table', async () => {
    const { rows } = await test.handle.sql.executeSql(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    )
    expect(rows.map((row) => row.table_name)).toEqual([
      'account_days',
      'backtest_results',
      'backtest_runs',
      'build_tasks',
      'dataset_bars',
      'datasets',
      'deployment_commands',
      'deployment_phases',
      'deployments',
      'guardrails',
      'kill_switches',
      'login_attempts',
      'robot_events',
      'sessions',
      'share_links',
      'strategies',
      'strategy_versions',
      'trade_logs',
      'trading_accounts',
      'users',
    ])
  })

  it('stores bar columns uncompressed, so ranges are read without decompressing', async () => {
    const { rows } = await test.handle.sql.executeSql(
      "select attname, attstorage from pg_attribute where attrelid = 'dataset_bars'::regclass and atttypid = 'bytea'::regtype order by attnum",
    )
    expect(rows.map((row) => `${String(row.attname)}:${String(row.attstorage)}`)).toEqual([
      'time:e',
      'open:e',
      'high:e',
      'low:e',
      'close:e',
      'tick_volume:e',
      'spread:e',
    ])
  })

  it('is a no-op when run again', async () => {
    await applyMigrations(test.handle)
    const { rows } = await test.handle.sql.executeSql(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    )
    expect(rows).toEqual([{ n: 5 }])
  })

  it('enforces ownership through foreign keys', async () => {
    const missingUser = '00000000-0000-4000-8000-000000000000'
    await expect(
      test.handle.db
        .insert(strategies)
        .values({ userId: missingUser, name: 'orphan', symbol: 'EURUSD', timeframe: 'H1' }),
    ).rejects.toThrow()
  })
})

describe('PGlite in a folder', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tradeloom-db-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('keeps what was saved across a restart', async () => {
    const first = await createDb({ dataDir: dir })
    await applyMigrations(first)
    await first.db.insert(users).values({ email: 'kept@example.test', displayName: 'Kept' })
    await first.close()

    const second = await createDb({ dataDir: dir })
    await applyMigrations(second)
    const rows = await second.db.select().from(users).where(eq(users.email, 'kept@example.test'))
    await second.close()
    expect(rows.map((row) => row.displayName)).toEqual(['Kept'])
  })
})

describe('createDb on PostgreSQL', () => {
  it('names the server it could not reach, without the password', async () => {
    await expect(
      createDb({ url: 'postgres://someone:secret@127.0.0.1:1/nowhere' }),
    ).rejects.toThrow(
      /Cannot connect to PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/,
    )
  })
})
