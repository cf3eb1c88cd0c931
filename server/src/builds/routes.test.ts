import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smaCrossGraph } from '../test-support/graphs'
import { startTestServer, waitFor } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'

describe.each(databaseTargets())('build tasks on $name', (target) => {
  let server: TestServer
  let strategyId: string

  beforeAll(async () => {
    server = await startTestServer(target)
    strategyId = (await server.call('POST', '/api/strategies', { name: 'Builds' })).body.id
  })
  afterAll(() => server?.close())

  const build = async (versionId: string) => {
    const queued = await server.call(
      'POST',
      `/api/strategies/${strategyId}/versions/${versionId}/builds`,
    )
    expect(queued.status).toBe(202)
    expect(queued.body).toMatchObject({
      status: 'PENDING',
      progress: 0,
      versionId,
      log: ['Queued'],
    })
    return waitFor(
      async () => (await server.call('GET', `/api/builds/${queued.body.id}`)).body,
      (task) => task.status === 'COMPLETE' || task.status === 'FAILED',
    )
  }

  it('compiles a graph version, loads it in the sandbox and completes', async () => {
    const version = await server.call('POST', `/api/strategies/${strategyId}/versions`, {
      graph: smaCrossGraph(),
    })
    const task = await build(version.body.id)
    expect(task).toMatchObject({ status: 'COMPLETE', progress: 100, error: null, attempt: 1 })
    expect(task.result).toMatchObject({
      kind: 'graph',
      upToDate: true,
      warmupBars: version.body.warmupBars,
      smokeTest: { bars: 500, trades: expect.any(Number) },
    })
    expect(task.log[0]).toBe('Queued')
    expect(task.log[1]).toMatch(/^Attempt 1 started on /)
    expect(task.log.at(-1)).toMatch(/^Complete: the strategy loads and ran 500 bars/)
  })

  it('fails code that does not parse, naming the line', async () => {
    const version = await server.call('POST', `/api/strategies/${strategyId}/versions`, {
      code: 'export const defaultParams = {}\nexport function createStrategy( {',
    })
    const task = await build(version.body.id)
    expect(task.status).toBe('FAILED')
    expect(task.error).toMatch(
      /^The strategy could not be loaded: Strategy module has a syntax error: .* at line 2/,
    )
    expect(task.log.at(-1)).toBe(`Failed: ${task.error}`)
  })

  it('lists builds and records start and finish on the timeline', async () => {
    const list = await server.call('GET', `/api/strategies/${strategyId}/builds`)
    expect(list.body.map((t: { status: string }) => t.status)).toEqual(['FAILED', 'COMPLETE'])
    const events = await server.call('GET', `/api/strategies/${strategyId}/events?limit=100`)
    const builds = events.body.events.filter((e: { type: string }) => e.type.startsWith('build.'))
    expect(
      builds.map((e: { type: string; metadata: { status?: string } }) => [
        e.type,
        e.metadata.status ?? null,
      ]),
    ).toEqual([
      ['build.finished', 'FAILED'],
      ['build.started', null],
      ['build.finished', 'COMPLETE'],
      ['build.started', null],
    ])
  })
})
