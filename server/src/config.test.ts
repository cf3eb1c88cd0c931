import { describe, expect, it } from 'vitest'
import { readServerConfig } from './config'

describe('readServerConfig', () => {
  it('defaults to loopback on 8787 with in-process workers', () => {
    expect(readServerConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      inProcessWorkers: true,
      jobSchema: 'pgboss',
      webDist: undefined,
    })
  })

  it('reads every variable', () => {
    expect(
      readServerConfig({
        PORT: '9000',
        HOST: '0.0.0.0',
        TRADELOOM_IN_PROCESS_WORKERS: 'false',
        TRADELOOM_JOB_SCHEMA: 'jobs_a',
        TRADELOOM_WEB_DIST: '/srv/web',
      }),
    ).toEqual({
      port: 9000,
      host: '0.0.0.0',
      inProcessWorkers: false,
      jobSchema: 'jobs_a',
      webDist: '/srv/web',
    })
  })

  it('names a bad variable', () => {
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(
      'PORT must be an integer from 0 to 65535, got "eighty"',
    )
    expect(() => readServerConfig({ TRADELOOM_JOB_SCHEMA: 'drop table' })).toThrow(
      /TRADELOOM_JOB_SCHEMA/,
    )
  })
})
