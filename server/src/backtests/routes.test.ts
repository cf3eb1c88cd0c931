import { strategyVersions } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smaCrossGraph } from '../test-support/graphs'
import { startTestServer, waitFor } from '../test-support/test-server'
import type { JsonResponse, TestServer } from '../test-support/test-server'

describe.each(databaseTargets())('backtest jobs on $name', (target) => {
  let server: TestServer
  let strategyId: string
  let versionId: string

  beforeAll(async () => {
    server = await startTestServer(target)
    strategyId = (await server.call('POST', '/api/strategies', { name: 'SMA cross' })).body.id
    versionId = (
      await server.call('POST', `/api/strategies/${strategyId}/versions`, {
        graph: smaCrossGraph(),
      })
    ).body.id
  })
  afterAll(() => server?.close())

  const readRun = async (id: string) => (await server.call('GET', `/api/backtests/${id}`)).body
  const isFinal = (run: JsonResponse['body']) =>
    run.status === 'completed' || run.status === 'failed'

  it('runs a saved version on a worker and stores its trades', async () => {
    const queued = await server.call(
      'POST',
      `/api/strategies/${strategyId}/versions/${versionId}/backtests`,
      {
        seed: 7,
        barCount: 1500,
      },
    )
    expect(queued.status).toBe(202)
    expect(queued.body).toMatchObject({ status: 'queued', progress: 0, versionId, trades: null })
    expect(queued.body.config).toEqual({ seed: 7, barCount: 1500, initialCash: 10_000 })

    const run = await waitFor(() => readRun(queued.body.id), isFinal)
    expect(run.error).toBeNull()
    expect(run).toMatchObject({ status: 'completed', progress: 100 })
    expect(run.trades.length).toBeGreaterThan(0)
    expect(run.stats.tradeCount).toBe(run.trades.length)
    expect(run.trades[0]).toMatchObject({ side: 'long', entryIndex: expect.any(Number) })
    expect(run.equity.length).toBeGreaterThan(1)
    expect(run.equity.length).toBeLessThanOrEqual(500)
    expect(run.log.at(-1)).toBe(`Finished: ${run.trades.length} trades, stopped at end-of-data`)
  })

  it('gives the same result for the same seed', async () => {
    const path = `/api/strategies/${strategyId}/versions/${versionId}/backtests`
    const first = (await server.call('POST', path, { seed: 3, barCount: 800 })).body
    const second = (await server.call('POST', path, { seed: 3, barCount: 800 })).body
    const [a, b] = await Promise.all([
      waitFor(() => readRun(first.id), isFinal),
      waitFor(() => readRun(second.id), isFinal),
    ])
    expect(a.status).toBe('completed')
    expect(b.stats).toEqual(a.stats)
  })

  it('stores a strategy that cannot run as a failed run with the reason', async () => {
    const version = (
      await server.call('GET', `/api/strategies/${strategyId}/versions/${versionId}`)
    ).body
    // Versions normally come from the compiler; write a broken one directly to exercise the worker.
    const [broken] = await server.services.database.db
      .insert(strategyVersions)
      .values({
        strategyId,
        userId: server.user.id,
        version: 99,
        schemaVersion: 1,
        graph: version.graph,
        tsSource: [
          "import leftPad from 'left-pad'",
          'export const defaultParams = {}',
          'export function createStrategy() { return leftPad() }',
        ].join('\n'),
        mql5Source: version.mql5Source,
        compilerVersion: version.compilerVersion,
        contentHash: 'broken',
        warmupBars: 0,
      })
      .returning()
    const queued = await server.call(
      'POST',
      `/api/strategies/${strategyId}/versions/${broken!.id}/backtests`,
    )
    expect(queued.status).toBe(202)
    const run = await waitFor(() => readRun(queued.body.id), isFinal)
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/^The strategy could not be loaded: .*left-pad/)
    expect(run.trades).toBeNull()
  })

  it('validates the config and hides runs from other users', async () => {
    const path = `/api/strategies/${strategyId}/versions/${versionId}/backtests`
    const bad = await server.call('POST', path, { barCount: 5 })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues).toEqual([
      { path: 'barCount', message: 'must be at least 100' },
    ])

    const unknown = '00000000-0000-4000-8000-000000000000'
    expect(
      (await server.call('POST', `/api/strategies/${strategyId}/versions/${unknown}/backtests`))
        .status,
    ).toBe(404)
    expect((await server.call('GET', `/api/backtests/${unknown}`)).status).toBe(404)

    const mine = (await server.call('POST', path, { barCount: 200 })).body
    const other = await server.asUser('neighbour@tradeloom.test')
    expect((await other.request(`/api/backtests/${mine.id}`)).status).toBe(404)
    const enqueue = await other.request(path, { method: 'POST' })
    expect(enqueue.status).toBe(404)
    await waitFor(() => readRun(mine.id), isFinal)
  })
})
