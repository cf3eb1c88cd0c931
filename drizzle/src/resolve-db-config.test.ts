import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DATA_DIR, resolveDbConfig } from './resolve-db-config'

const cwd = '/srv/app'
const url = 'postgres://postgres@127.0.0.1:5432/test'

describe('resolveDbConfig', () => {
  it('uses PGlite in ./.tradeloom/db under the cwd when nothing is configured', () => {
    expect(resolveDbConfig({}, {}, cwd)).toEqual({
      kind: 'pglite',
      dataDir: path.resolve(cwd, DEFAULT_DATA_DIR),
    })
  })

  it('uses DATABASE_URL when set', () => {
    expect(resolveDbConfig({}, { DATABASE_URL: url }, cwd)).toEqual({ kind: 'postgres', url })
  })

  it('lets TRADELOOM_DATA_DIR move the PGlite folder', () => {
    expect(resolveDbConfig({}, { TRADELOOM_DATA_DIR: 'data/db' }, cwd)).toEqual({
      kind: 'pglite',
      dataDir: '/srv/app/data/db',
    })
  })

  it('prefers an explicit url over the environment', () => {
    const other = 'postgres://other/db'
    expect(resolveDbConfig({ url: other }, { DATABASE_URL: url }, cwd)).toEqual({
      kind: 'postgres',
      url: other,
    })
  })

  it('treats an explicit dataDir as a request for PGlite even when DATABASE_URL is set', () => {
    expect(resolveDbConfig({ dataDir: 'memory://' }, { DATABASE_URL: url }, cwd)).toEqual({
      kind: 'pglite',
      dataDir: 'memory://',
    })
  })

  it('ignores blank values', () => {
    expect(resolveDbConfig({}, { DATABASE_URL: '  ', TRADELOOM_DATA_DIR: '' }, cwd).kind).toBe(
      'pglite',
    )
  })
})
