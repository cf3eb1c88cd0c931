import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smaCrossGraph } from '../test-support/graphs'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'

describe.each(databaseTargets())('share links on $name', (target) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(target, { workers: false })
  })
  afterAll(() => server?.close())

  it('shares one version read-only, without signing in, until revoked', async () => {
    const strategy = await server.call('POST', '/api/strategies', { name: 'Lesson 1' })
    const base = `/api/strategies/${strategy.body.id}/versions`
    const v1 = await server.call('POST', base, { graph: smaCrossGraph() })
    const shared = await server.call('POST', `${base}/${v1.body.id}/share`)
    expect(shared.status).toBe(201)
    expect(shared.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(shared.body.path).toBe(`/?share=${shared.body.token}`)
    const again = await server.call('POST', `${base}/${v1.body.id}/share`)
    expect(again.status).toBe(200)
    expect(again.body.token).toBe(shared.body.token)

    const read = await server.anonymous(`/api/share/${shared.body.token}`)
    expect(read.status).toBe(200)
    const body = (await read.json()) as {
      strategy: object
      version: { id: string; tsSource: string }
    }
    expect(body.strategy).toEqual({
      name: 'Lesson 1',
      symbol: 'EURUSD',
      timeframe: 'H1',
      strategyClass: 'RULE',
    })
    expect(body.version).toEqual(v1.body)
    // The token opens nothing else.
    expect((await server.anonymous(`/api/strategies/${strategy.body.id}`)).status).toBe(401)

    expect((await server.call('DELETE', `${base}/${v1.body.id}/share`)).status).toBe(204)
    expect((await server.anonymous(`/api/share/${shared.body.token}`)).status).toBe(404)
    expect((await server.anonymous('/api/share/not-a-token')).status).toBe(404)
  })
})
