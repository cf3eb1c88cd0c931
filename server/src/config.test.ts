import { describe, expect, it } from 'vitest'
import { readServerConfig } from './config'

describe('readServerConfig', () => {
  it('defaults to loopback on 8787, local mode and in-process workers', () => {
    expect(readServerConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      mode: 'local',
      inProcessWorkers: true,
      jobSchema: 'pgboss',
      webDist: undefined,
      maxUploadBytes: 50 * 1024 * 1024,
      backtestTimeoutSeconds: 300,
      trustProxy: false,
      workersPerQueue: 1,
      publicUrl: 'http://127.0.0.1:8787',
      paperTerminalUrl: 'http://127.0.0.1:8787',
    })
  })

  it('reads every variable', () => {
    expect(
      readServerConfig({
        PORT: '9000',
        HOST: '0.0.0.0',
        TRADELOOM_MODE: 'multi',
        TRADELOOM_IN_PROCESS_WORKERS: 'false',
        TRADELOOM_JOB_SCHEMA: 'jobs_a',
        TRADELOOM_WEB_DIST: '/srv/web',
        TRADELOOM_MAX_UPLOAD_MB: '2',
        TRADELOOM_BACKTEST_TIMEOUT_SECONDS: '30',
        TRADELOOM_TRUST_PROXY: 'true',
        TRADELOOM_WORKERS_PER_QUEUE: '2',
        TRADELOOM_PUBLIC_URL: 'https://Trade.Example.com/tradeloom/',
        TRADELOOM_PAPER_TERMINAL_URL: 'http://app:8787/',
      }),
    ).toEqual({
      port: 9000,
      host: '0.0.0.0',
      mode: 'multi',
      inProcessWorkers: false,
      jobSchema: 'jobs_a',
      webDist: '/srv/web',
      maxUploadBytes: 2 * 1024 * 1024,
      backtestTimeoutSeconds: 30,
      trustProxy: true,
      workersPerQueue: 2,
      publicUrl: 'https://trade.example.com/tradeloom',
      paperTerminalUrl: 'http://app:8787',
    })
  })

  it('requires accounts once the data lives in PostgreSQL, unless told otherwise', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/test'
    expect(readServerConfig({ DATABASE_URL: url }).mode).toBe('multi')
    expect(readServerConfig({ DATABASE_URL: url, TRADELOOM_MODE: 'local' }).mode).toBe('local')
  })

  it('derives the public URL from the port, and refuses one an EA could not call', () => {
    expect(readServerConfig({ PORT: '9100' }).publicUrl).toBe('http://127.0.0.1:9100')
    expect(() => readServerConfig({ TRADELOOM_PUBLIC_URL: 'ftp://example.com' })).toThrow(
      /TRADELOOM_PUBLIC_URL must be http\(s\):\/\/host/,
    )
    expect(() => readServerConfig({ TRADELOOM_PAPER_TERMINAL_URL: 'app:8787' })).toThrow(
      /^TRADELOOM_PAPER_TERMINAL_URL must be/,
    )
    expect(() => readServerConfig({ TRADELOOM_PUBLIC_URL: 'example.com' })).toThrow(
      'TRADELOOM_PUBLIC_URL must be an absolute http(s) URL, got "example.com"',
    )
  })

  it('names a bad variable', () => {
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(
      'PORT must be an integer from 0 to 65535, got "eighty"',
    )
    expect(() => readServerConfig({ TRADELOOM_JOB_SCHEMA: 'drop table' })).toThrow(
      /TRADELOOM_JOB_SCHEMA/,
    )
    expect(() => readServerConfig({ TRADELOOM_MODE: 'team' })).toThrow(
      'TRADELOOM_MODE must be "local" or "multi", got "team"',
    )
    expect(() => readServerConfig({ TRADELOOM_MAX_UPLOAD_MB: '-1' })).toThrow(
      'TRADELOOM_MAX_UPLOAD_MB must be a number from 1 to 2000, got "-1"',
    )
  })
})
