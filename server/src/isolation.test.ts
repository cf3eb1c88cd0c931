import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTE_DOCS } from './openapi/route-docs'
import type { RouteDoc } from './openapi/route-docs'
import { seedOwnerData } from './test-support/fixtures'
import type { OwnerData } from './test-support/fixtures'
import { syntheticCsv } from './test-support/csv'
import { smaCrossGraph } from './test-support/graphs'
import { startTestServer } from './test-support/test-server'
import type { Agent, TestServer } from './test-support/test-server'

// Routes that name one of the owner's resources in their path: each must be a 404 for anyone else.
const OWNED = ROUTE_DOCS.filter((route) => route.auth !== false && route.path.includes(':'))

/** The route's path with the owner's ids, plus a query and body that would be valid for the owner. */
function requestFor(route: RouteDoc, data: OwnerData): { path: string; init: RequestInit } {
  const resource = route.path.split('/')[2]
  const idFor: Record<string, string> = {
    strategies: data.strategyId,
    datasets: data.datasetId,
    backtests: data.runId,
    builds: data.buildId,
    deployments: data.deploymentId,
    'trading-accounts': data.deploymentAccountId,
  }
  let path = route.path
    .replace(':id', idFor[resource!]!)
    .replace(':versionId', data.versionIds[1])
    .replace(':name', 'EURUSD')
  if (path.endsWith('/diff')) path += `?from=${data.versionIds[0]}&to=${data.versionIds[1]}`
  const bodies: Record<string, unknown> = {
    'patch /api/strategies/:id': { name: 'Taken over', tags: ['stolen'] },
    'post /api/strategies/:id/versions': { graph: smaCrossGraph(), message: 'intruder' },
    'post /api/strategies/:id/versions/:versionId/rollback': {},
    'post /api/strategies/:id/versions/:versionId/backtests': { datasetId: data.datasetId },
    'post /api/deployments/:id/stop': { closePositions: true },
    'patch /api/trading-accounts/:id': { name: 'Taken over' },
    'put /api/trading-accounts/:id/symbols/:name': {
      digits: 5,
      tickSize: 0.00001,
      tickValue: 1,
      contractSize: 100_000,
      volumeMin: 0.01,
      volumeMax: 100,
      volumeStep: 0.01,
      typicalSpread: 1,
    },
    'post /api/trading-accounts/:id/symbols/import': {
      format: 'tradeloom-symbols',
      version: 1,
      symbols: [],
    },
    'put /api/trading-accounts/:id/guardrails': {
      maxDailyLossKind: 'money',
      maxDailyLoss: 1,
      maxPositions: 1,
      maxCorrelation: 0,
    },
  }
  const body = bodies[`${route.method} ${route.path}`]
  const init: RequestInit = { method: route.method.toUpperCase() }
  if (body !== undefined) {
    init.body = JSON.stringify(body)
    init.headers = { 'content-type': 'application/json' }
  }
  return { path, init }
}

describe.each(databaseTargets())('isolation between users on $name', (target) => {
  let server: TestServer
  let data: OwnerData
  let intruder: Agent
  let before: unknown

  /** Everything the owner can see, to prove the intruder changed nothing. */
  async function ownerView() {
    const get = async (path: string) => (await server.call('GET', path)).body
    const s = `/api/strategies/${data.strategyId}`
    const run = await get(`/api/backtests/${data.runId}`)
    return {
      strategies: await get('/api/strategies'),
      strategy: await get(s),
      versions: await get(`${s}/versions`),
      events: await get(`${s}/events?limit=200`),
      builds: await get(`${s}/builds`),
      runs: await get(`${s}/backtests`),
      run: { ...run, log: run.log.length },
      datasets: await get('/api/datasets'),
      bars: await get(`/api/datasets/${data.datasetId}/bars`),
      deployments: await get('/api/deployments'),
      deploymentTrades: await get(`/api/deployments/${data.deploymentId}/trades`),
      timeline: await get('/api/events?limit=200'),
      tradingAccounts: await get('/api/trading-accounts'),
      guardrails: await get(`/api/trading-accounts/${data.deploymentAccountId}/guardrails`),
      accountDays: await get(`/api/trading-accounts/${data.deploymentAccountId}/guardrails/days`),
      killSwitch: await get('/api/kill-switch'),
    }
  }

  beforeAll(async () => {
    server = await startTestServer(target)
    data = await seedOwnerData(server)
    intruder = await server.asUser('intruder@tradeloom.test')
    before = await ownerView()
  })
  afterAll(() => server?.close())

  it('covers every route that names a resource', () => {
    // 24 of issues 2–6, 6 of deployments, 12 of trading accounts and guardrails.
    expect(OWNED.length).toBe(24 + 6 + 12)
  })

  it.each(OWNED.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    '%s is a 404 for another user',
    async (_name, route) => {
      const { path, init } = requestFor(route, data)
      // The owner can use the same request (reads only, so nothing changes here).
      if (route.method === 'get') expect((await server.request(path, init)).status).toBe(200)
      const response = await intruder.request(path, init)
      expect(response.status).toBe(404)
      const body = (await response.json()) as { error: { code: string } }
      expect(body.error.code).toBe('not_found')
    },
  )

  it("shows another user none of the owner's lists", async () => {
    expect((await intruder.call('GET', '/api/strategies')).body).toEqual([])
    expect((await intruder.call('GET', '/api/datasets')).body).toEqual([])
    expect((await intruder.call('GET', '/api/deployments')).body).toEqual([])
    expect((await intruder.call('GET', '/api/trading-accounts')).body).toEqual([])
    expect((await intruder.call('GET', '/api/events')).body.events).toEqual([])
    const filtered = await intruder.call('GET', `/api/events?deploymentId=${data.deploymentId}`)
    expect(filtered.status).toBe(404)
    const quality = await intruder.call(
      'GET',
      `/api/execution-quality?deploymentId=${data.deploymentId}`,
    )
    expect(quality.status).toBe(404)
  })

  it("pulls only its own kill switch, never the owner's", async () => {
    const triggered = await intruder.call('POST', '/api/kill-switch/trigger', {
      reason: 'intruder',
      closePositions: true,
      revokeTokens: true,
    })
    expect(triggered.body.affected).toEqual([])
    expect((await server.call('GET', '/api/kill-switch')).body.state).toBe('OFF')
    expect((await intruder.call('POST', '/api/kill-switch/resolve', {})).status).toBe(200)
  })

  it("cannot use the owner's data set or version from its own strategy", async () => {
    const own = await intruder.call('POST', '/api/strategies', { name: 'Mine' })
    const version = await intruder.call('POST', `/api/strategies/${own.body.id}/versions`, {
      graph: smaCrossGraph(),
    })
    const run = await intruder.call(
      'POST',
      `/api/strategies/${own.body.id}/versions/${version.body.id}/backtests`,
      {
        datasetId: data.datasetId,
      },
    )
    expect(run.status).toBe(404)
    const diff = await intruder.call(
      'GET',
      `/api/strategies/${own.body.id}/diff?from=${version.body.id}&to=${data.versionIds[0]}`,
    )
    expect(diff.status).toBe(404)
    const upload = await intruder.request('/api/datasets?symbol=EURUSD', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: syntheticCsv(30),
    })
    expect(upload.status).toBe(201)
  })

  it("left everything of the owner's unchanged", async () => {
    expect(await ownerView()).toEqual(before)
    expect((await server.anonymous(`/api/share/${data.shareToken}`)).status).toBe(200)
  })
})
