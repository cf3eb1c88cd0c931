import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smaCrossGraph } from '../test-support/graphs'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'

describe.each(databaseTargets())('versions on $name', (target) => {
  let server: TestServer
  let strategyId: string

  beforeAll(async () => {
    server = await startTestServer(target)
    strategyId = (await server.call('POST', '/api/strategies', { name: 'SMA cross' })).body.id
  })
  afterAll(() => server?.close())

  const versionsPath = () => `/api/strategies/${strategyId}/versions`

  it('compiles and stores a version, then lists it', async () => {
    const saved = await server.call('POST', versionsPath(), {
      graph: smaCrossGraph(),
      message: 'first',
    })
    expect(saved.status).toBe(201)
    expect(saved.body).toMatchObject({
      version: 1,
      parentVersionId: null,
      message: 'first',
      schemaVersion: 1,
    })
    expect(saved.body.mql5Source).toContain('OnTick')
    expect(saved.body.tsSource).toContain('createStrategy')
    expect(saved.body.contentHash).toMatch(/^[0-9a-f]{64}$/)

    const list = await server.call('GET', versionsPath())
    expect(list.status).toBe(200)
    expect(list.body).toHaveLength(1)
    expect(list.body[0]).toMatchObject({ id: saved.body.id, version: 1 })
    expect(list.body[0]).not.toHaveProperty('tsSource')

    const read = await server.call('GET', `${versionsPath()}/${saved.body.id}`)
    expect(read.body).toEqual(saved.body)

    const strategy = await server.call('GET', `/api/strategies/${strategyId}`)
    expect(strategy.body.latestVersion).toMatchObject({ id: saved.body.id, version: 1 })
  })

  it('returns the latest version instead of storing an identical one', async () => {
    const before = await server.call('GET', versionsPath())
    const again = await server.call('POST', versionsPath(), {
      graph: smaCrossGraph(),
      message: 'same',
    })
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(before.body[0].id)
    expect((await server.call('GET', versionsPath())).body).toHaveLength(before.body.length)
  })

  it('numbers a changed graph as the next version with its parent', async () => {
    const graph = smaCrossGraph()
    graph.nodes[0]!.position = { x: graph.nodes[0]!.position.x + 40, y: graph.nodes[0]!.position.y }
    const latest = (await server.call('GET', versionsPath())).body[0]
    const saved = await server.call('POST', versionsPath(), { graph })
    expect(saved.status).toBe(201)
    expect(saved.body).toMatchObject({
      version: latest.version + 1,
      parentVersionId: latest.id,
      message: '',
    })
  })

  it('rejects a malformed graph with a 400 naming the path, storing nothing', async () => {
    const before = (await server.call('GET', versionsPath())).body
    const graph = smaCrossGraph() as unknown as { nodes: { params: unknown }[] }
    graph.nodes[0]!.params = 'fast'
    const { status, body } = await server.call('POST', versionsPath(), { graph })
    expect((await server.call('GET', versionsPath())).body).toEqual(before)
    expect(status).toBe(400)
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.details.issues[0].path).toBe('graph.nodes.0.params')
    expect(body.error.message).toMatch(/^The graph is not valid: graph\.nodes\.0\.params: /)
  })

  it('rejects a graph that is not an object', async () => {
    const { status, body } = await server.call('POST', versionsPath(), { graph: 42 })
    expect(status).toBe(400)
    expect(body.error.details.issues).toHaveLength(1)
    expect(body.error.details.issues[0].path).toBe('graph')
    expect(body.error.details.issues[0].message).not.toMatch(/^graph:/)
  })

  it('rejects a body without a graph', async () => {
    const { status, body } = await server.call('POST', versionsPath(), { message: 'nothing' })
    expect(status).toBe(400)
    expect(body.error.details.issues).toEqual([
      { path: 'graph', message: 'is required (or send code)' },
    ])
  })

  it('answers a graph that does not compile with 422 and the diagnostics', async () => {
    const graph = smaCrossGraph()
    graph.edges = []
    const { status, body } = await server.call('POST', versionsPath(), { graph })
    expect(status).toBe(422)
    expect(body.error.code).toBe('compile_failed')
    expect(body.error.details.diagnostics.length).toBeGreaterThan(0)
    expect(
      body.error.details.diagnostics.every(
        (d: { severity: string }) => d.severity === 'error' || d.severity === 'warning',
      ),
    ).toBe(true)
  })

  it('answers 404 for versions of unknown or foreign strategies', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await server.call('GET', `/api/strategies/${unknown}/versions`)).status).toBe(404)
    expect(
      (await server.call('POST', `/api/strategies/${unknown}/versions`, { graph: smaCrossGraph() }))
        .status,
    ).toBe(404)
    expect((await server.call('GET', `${versionsPath()}/${unknown}`)).status).toBe(404)

    const other = await server.asUser('intruder@tradeloom.test')
    expect((await other.request(versionsPath())).status).toBe(404)
    const write = await other.request(versionsPath(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ graph: smaCrossGraph() }),
    })
    expect(write.status).toBe(404)
  })
})
