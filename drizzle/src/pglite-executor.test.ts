import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteExecutor } from './pglite-executor'

describe('createPgliteExecutor', () => {
  let client: PGlite

  beforeAll(async () => {
    client = new PGlite()
    await client.waitReady
  })
  afterAll(() => client.close())

  it('runs many statements without parameters and returns the last rows', async () => {
    const sql = createPgliteExecutor(client)
    const { rows } = await sql.executeSql(
      'create table t (n int); insert into t values (1), (2); select sum(n)::int as total from t',
    )
    expect(rows).toEqual([{ total: 3 }])
  })

  it('passes parameters through the extended protocol', async () => {
    const sql = createPgliteExecutor(client)
    const { rows } = await sql.executeSql('select $1::int + $2::int as sum', [2, 3])
    expect(rows).toEqual([{ sum: 5 }])
  })

  it('rolls back a failed multi-statement transaction so the connection stays usable', async () => {
    const sql = createPgliteExecutor(client)
    await expect(
      sql.executeSql('begin; insert into t values (10); select 1/0; commit;'),
    ).rejects.toThrow('division by zero')
    expect(client.isInTransaction()).toBe(false)
    const { rows } = await sql.executeSql('select count(*)::int as n from t')
    expect(rows).toEqual([{ n: 2 }])
  })
})
