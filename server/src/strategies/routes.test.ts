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
      tags: [],
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

  it('renames, reclassifies and retags, and filters by tag', async () => {
    const created = await server.call('POST', '/api/strategies', {
      name: 'Breakout',
      tags: ['fx', 'trend', 'fx'],
    })
    expect(created.body.tags).toEqual(['fx', 'trend'])
    const id = created.body.id
    const patched = await server.call('PATCH', `/api/strategies/${id}`, {
      name: 'Breakout v2',
      strategyClass: 'OPTIMIZED_RULE',
      tags: ['swing'],
    })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({
      id,
      name: 'Breakout v2',
      strategyClass: 'OPTIMIZED_RULE',
      tags: ['swing'],
      symbol: 'EURUSD',
    })
    expect(Date.parse(patched.body.updatedAt)).toBeGreaterThan(Date.parse(created.body.updatedAt))
    const swing = await server.call('GET', '/api/strategies?tag=swing')
    expect(swing.body.map((s: { id: string }) => s.id)).toEqual([id])
    expect((await server.call('GET', '/api/strategies?tag=fx')).body).toEqual([])
  })

  it('rejects empty and bad changes without touching the strategy', async () => {
    const { body } = await server.call('POST', '/api/strategies', { name: 'Steady' })
    const empty = await server.call('PATCH', `/api/strategies/${body.id}`, {})
    expect(empty.status).toBe(400)
    const bad = await server.call('PATCH', `/api/strategies/${body.id}`, {
      name: 'ok',
      strategyClass: 'MAGIC',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0].path).toBe('strategyClass')
    expect((await server.call('GET', `/api/strategies/${body.id}`)).body).toEqual(body)
  })

  it('deletes a strategy with its versions and timeline', async () => {
    const { body } = await server.call('POST', '/api/strategies', { name: 'Doomed' })
    const { smaCrossGraph } = await import('../test-support/graphs')
    await server.call('POST', `/api/strategies/${body.id}/versions`, { graph: smaCrossGraph() })
    expect((await server.call('DELETE', `/api/strategies/${body.id}`)).status).toBe(204)
    expect((await server.call('GET', `/api/strategies/${body.id}`)).status).toBe(404)
    expect((await server.call('GET', `/api/strategies/${body.id}/versions`)).status).toBe(404)
    expect((await server.call('DELETE', `/api/strategies/${body.id}`)).status).toBe(404)
  })

  it('keeps an ordered, paginated timeline with metadata', async () => {
    const { body } = await server.call('POST', '/api/strategies', { name: 'Timeline' })
    const { smaCrossGraph } = await import('../test-support/graphs')
    const graph = smaCrossGraph()
    const v1 = await server.call('POST', `/api/strategies/${body.id}/versions`, { graph })
    await server.call('PATCH', `/api/strategies/${body.id}`, { name: 'Timeline 2' })
    graph.nodes[0]!.label = 'Fast'
    await server.call('POST', `/api/strategies/${body.id}/versions`, { graph, message: 'label' })
    await server.call('POST', `/api/strategies/${body.id}/versions/${v1.body.id}/rollback`, {})

    const first = await server.call('GET', `/api/strategies/${body.id}/events?limit=3`)
    expect(first.status).toBe(200)
    expect(first.body.events.map((e: { type: string }) => e.type)).toEqual([
      'version.rolled_back',
      'version.saved',
      'strategy.updated',
    ])
    expect(first.body.events[0].metadata).toMatchObject({
      version: 3,
      restoredFromVersion: 1,
      restoredFromVersionId: v1.body.id,
    })
    expect(first.body.events[2].metadata).toEqual({ name: { from: 'Timeline', to: 'Timeline 2' } })
    const seqs = first.body.events.map((e: { seq: number }) => e.seq)
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs)
    const second = await server.call(
      'GET',
      `/api/strategies/${body.id}/events?limit=3&cursor=${first.body.nextCursor}`,
    )
    expect(second.body.events.map((e: { type: string }) => e.type)).toEqual([
      'version.saved',
      'strategy.created',
    ])
    expect(second.body.events[0].metadata).toMatchObject({ version: 1, kind: 'graph' })
    expect(second.body.nextCursor).toBeNull()
    const bad = await server.call('GET', `/api/strategies/${body.id}/events?cursor=abc`)
    expect(bad.status).toBe(400)
  })
})
