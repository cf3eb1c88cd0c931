import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'

describe.each(databaseTargets())('strategies on $name', (target) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(() => server?.close())

  it('creates, reads and lists strategies', async () => {
    const created = await server.call('POST', '/api/strategies', {
      name: '  Trend follower ',
      symbol: 'GBPUSD',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'Trend follower',
      symbol: 'GBPUSD',
      timeframe: 'H1',
      strategyClass: 'RULE',
      latestVersion: null,
    })

    const read = await server.call('GET', `/api/strategies/${created.body.id}`)
    expect(read.status).toBe(200)
    expect(read.body).toEqual(created.body)

    await server.call('POST', '/api/strategies', { name: 'Second', timeframe: 'D1' })
    const list = await server.call('GET', '/api/strategies')
    expect(list.status).toBe(200)
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(['Second', 'Trend follower'])
  })

  it('rejects a bad body with a 400 naming each field', async () => {
    const { status, body } = await server.call('POST', '/api/strategies', {
      name: '',
      timeframe: 'H2',
    })
    expect(status).toBe(400)
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'name',
      'timeframe',
    ])
    expect(body.error.message).toMatch(
      /^Invalid request body: name: must not be empty \(and 1 more\)$/,
    )
  })

  it('answers 404 for unknown and malformed ids', async () => {
    const unknown = await server.call('GET', '/api/strategies/00000000-0000-4000-8000-000000000000')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toEqual({
      code: 'not_found',
      message: 'Strategy 00000000-0000-4000-8000-000000000000 not found',
    })
    expect((await server.call('GET', '/api/strategies/not-a-uuid')).status).toBe(404)
  })

  it("never shows one user another user's strategies", async () => {
    const mine = await server.call('POST', '/api/strategies', { name: 'Private' })
    const other = await server.asUser('someone-else@tradeloom.test')
    expect((await other.request(`/api/strategies/${mine.body.id}`)).status).toBe(404)
    expect(await (await other.request('/api/strategies')).json()).toEqual([])
  })
})
