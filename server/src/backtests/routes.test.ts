import { strategyVersions } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slowStrategy, STUCK_STRATEGY } from '../test-support/code-strategies'
import { syntheticCsv } from '../test-support/csv'
import { uploadCsv } from '../test-support/fixtures'
import { smaCrossGraph } from '../test-support/graphs'
import { readSse } from '../test-support/sse'
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
    ['completed', 'failed', 'cancelled'].includes(run.status)
  const backtests = (version = versionId) =>
    `/api/strategies/${strategyId}/versions/${version}/backtests`
  const saveCode = async (code: string) =>
    (await server.call('POST', `/api/strategies/${strategyId}/versions`, { code })).body
      .id as string

  it('runs a saved version on synthetic bars and stores every result', async () => {
    const queued = await server.call('POST', backtests(), { seed: 7, barCount: 1500 })
    expect(queued.status).toBe(202)
    expect(queued.body).toMatchObject({ status: 'queued', progress: 0, versionId, trades: null })
    expect(queued.body.config).toEqual({
      bars: { kind: 'synthetic', seed: 7, barCount: 1500 },
      engine: { initialCash: 10_000, lots: 0.1, symbol: 'EURUSD' },
      timeoutSeconds: 60,
    })

    const run = await waitFor(() => readRun(queued.body.id), isFinal)
    expect(run.error).toBeNull()
    expect(run).toMatchObject({
      status: 'completed',
      progress: 100,
      attempt: 1,
      stopReason: 'end-of-data',
    })
    expect(run.trades.length).toBeGreaterThan(0)
    expect(run.tradeCount).toBe(run.trades.length)
    expect(run.stats.tradeCount).toBe(run.trades.length)
    expect(run.trades[0]).toMatchObject({ side: 'long', entryIndex: expect.any(Number) })
    expect(run.equity.time.length).toBe(500)
    expect(run.equity.equity.length).toBe(500)
    expect(run.equity.drawdown.length).toBe(500)
    expect(run.regimes.length).toBeGreaterThan(0)
    expect(run.riskScore.score).toBeGreaterThanOrEqual(0)
    expect(run.riskScore.components).toHaveProperty('drawdown')
    expect(run.log[1]).toMatch(/^Attempt 1 started on /)
    expect(run.log.at(-1)).toBe(`Finished: ${run.trades.length} trades, stopped at end-of-data`)
  })

  it('gives the same result for the same seed', async () => {
    const first = (await server.call('POST', backtests(), { seed: 3, barCount: 800 })).body
    const second = (await server.call('POST', backtests(), { seed: 3, barCount: 800 })).body
    const [a, b] = await Promise.all([
      waitFor(() => readRun(first.id), isFinal),
      waitFor(() => readRun(second.id), isFinal),
    ])
    expect(a.status).toBe('completed')
    expect(b.stats).toEqual(a.stats)
  })

  it('runs on a range of an uploaded data set, with the data set symbol', async () => {
    const upload = await uploadCsv(server, syntheticCsv(600, 9), 'symbol=GBPUSD&name=Sample')
    const dataset = (await upload.json()) as { id: string }
    const bars = await server.call('GET', `/api/datasets/${dataset.id}/bars?offset=100&limit=300`)
    const from = bars.body.time[0] as number
    const to = bars.body.time[299] as number
    const queued = await server.call('POST', backtests(), {
      datasetId: dataset.id,
      from: new Date(from * 1000).toISOString(),
      to,
      config: { initialCash: 5_000, lots: 0.2 },
    })
    expect(queued.status).toBe(202)
    expect(queued.body.config.engine).toEqual({ initialCash: 5_000, lots: 0.2, symbol: 'GBPUSD' })
    const run = await waitFor(() => readRun(queued.body.id), isFinal)
    expect(run.status).toBe('completed')
    expect(run.datasetId).toBe(dataset.id)
    expect(run.stats.initialCash).toBe(5_000)
    expect(run.equity.time[0]).toBe(from)
    expect(run.equity.time.at(-1)).toBe(to)
    expect(run.log[2]).toBe(
      'Running version 1 on 300 H1 bars of GBPUSD from "Sample" (chosen range)',
    )

    const range = await server.call('POST', backtests(), { from: 1, datasetId: undefined })
    expect(range.status).toBe(400)
    expect(range.body.error.details.issues).toEqual([
      { path: 'from', message: 'needs a datasetId' },
    ])
  })

  it('streams real progress and log lines over SSE while a slow strategy runs', async () => {
    const slow = await saveCode(slowStrategy(1_500))
    const queued = await server.call('POST', backtests(slow), { barCount: 1_500 })
    const stream = await server.request(`/api/backtests/${queued.body.id}/events`)
    expect(stream.status).toBe(200)
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const events = await readSse(stream)
    expect(events[0]).toEqual({ event: 'progress', data: { status: 'queued', progress: 0 } })
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => (e.data as { progress: number }).progress)
    expect(progress.filter((p) => p > 5 && p < 95).length).toBeGreaterThan(2)
    expect([...progress].sort((a, b) => a - b)).toEqual(progress)
    const logs = events.filter((e) => e.event === 'log')
    expect(logs.map((e) => e.id)).toEqual(logs.map((_, i) => String(i + 1)))
    const lines = logs.map((e) => (e.data as { line: string }).line)
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^25% \(bar 3\d\d of 1,500\)$/),
        expect.stringMatching(/^50% \(bar 7\d\d of 1,500\)$/),
        expect.stringMatching(/^75% \(bar 1,1\d\d of 1,500\)$/),
      ]),
    )
    expect(events.at(-1)).toEqual({ event: 'done', data: { status: 'completed', error: null } })

    // A late subscriber gets the final state at once; Last-Event-ID skips lines already seen.
    const late = await readSse(
      await server.request(`/api/backtests/${queued.body.id}/events`, {
        headers: { 'last-event-id': String(logs.length - 1) },
      }),
    )
    expect(late.map((e) => e.event)).toEqual(['progress', 'log', 'done'])
    expect(late[0]!.data).toEqual({ status: 'completed', progress: 100 })
  })

  it('cancels a run stuck inside a bar and frees its worker', async () => {
    const stuck = await saveCode(STUCK_STRATEGY)
    const queued = await server.call('POST', backtests(stuck), { barCount: 200 })
    await waitFor(
      () => readRun(queued.body.id),
      (run) => run.status === 'running',
    )
    const cancelled = await server.call('POST', `/api/backtests/${queued.body.id}/cancel`)
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.status).toBe('cancelled')
    expect(cancelled.body.log.at(-1)).toBe('Cancelled')
    const again = await server.call('POST', `/api/backtests/${queued.body.id}/cancel`)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('run_finished')
    // The worker gave the stuck sandbox up, so the next run completes.
    const next = await server.call('POST', backtests(), { barCount: 300 })
    expect((await waitFor(() => readRun(next.body.id), isFinal)).status).toBe('completed')
    expect((await readRun(queued.body.id)).status).toBe('cancelled')
  })

  it('runs user-edited code in the sandbox and fails broken code with the reason', async () => {
    const code = await saveCode(slowStrategy(0))
    const ok = await server.call('POST', backtests(code), { barCount: 500 })
    const run = await waitFor(() => readRun(ok.body.id), isFinal)
    expect(run.status).toBe('completed')
    expect(run.tradeCount).toBe(10)

    const broken = await saveCode(
      "import leftPad from 'left-pad'\nexport const defaultParams = {}\nexport function createStrategy() { return leftPad() }",
    )
    const queued = await server.call('POST', backtests(broken))
    const failed = await waitFor(() => readRun(queued.body.id), isFinal)
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/^The strategy could not be loaded: .*left-pad/)
    expect(failed.trades).toBeNull()
  })

  it('fails a version whose stored TypeScript cannot run', async () => {
    const version = (
      await server.call('GET', `/api/strategies/${strategyId}/versions/${versionId}`)
    ).body
    const [broken] = await server.services.database.db
      .insert(strategyVersions)
      .values({
        strategyId,
        userId: server.user.id,
        version: 99,
        schemaVersion: 1,
        graph: version.graph,
        tsSource:
          'export const defaultParams = {}\nexport function createStrategy() { throw new Error("nope") }',
        mql5Source: version.mql5Source,
        compilerVersion: version.compilerVersion,
        contentHash: 'broken',
        warmupBars: 0,
      })
      .returning()
    const queued = await server.call('POST', backtests(broken!.id))
    const run = await waitFor(() => readRun(queued.body.id), isFinal)
    expect(run.status).toBe('failed')
    expect(run.error).toBe('The strategy stopped with an error: nope')
  })

  it('lists runs and records them on the timeline', async () => {
    const list = await server.call('GET', `/api/strategies/${strategyId}/backtests`)
    expect(list.status).toBe(200)
    expect(list.body.length).toBeGreaterThan(5)
    expect(list.body[0]).not.toHaveProperty('trades')
    const events = await server.call('GET', `/api/strategies/${strategyId}/events?limit=200`)
    const types = new Set(events.body.events.map((e: { type: string }) => e.type))
    for (const type of [
      'backtest.queued',
      'backtest.started',
      'backtest.finished',
      'backtest.cancelled',
    ]) {
      expect(types).toContain(type)
    }
    const finished = events.body.events.find(
      (e: { type: string; metadata: { status: string } }) =>
        e.type === 'backtest.finished' && e.metadata.status === 'completed',
    )
    expect(finished.metadata).toMatchObject({
      tradeCount: expect.any(Number),
      riskScore: expect.any(Number),
    })
  })

  it('validates the config', async () => {
    const bad = await server.call('POST', backtests(), { barCount: 5, config: { lots: -1 } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues).toEqual([
      { path: 'barCount', message: 'must be at least 100' },
      { path: 'config.lots', message: 'must be positive' },
    ])
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await server.call('POST', backtests(unknown))).status).toBe(404)
    expect((await server.call('POST', backtests(), { datasetId: unknown })).status).toBe(404)
    expect((await server.call('GET', `/api/backtests/${unknown}`)).status).toBe(404)
  })
})
