import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smaCrossGraph } from '../test-support/graphs'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'

const CODE = `import { createSma } from '@tradeloom/runtime'
export const defaultParams = { period: 20 }
export function createStrategy(params = defaultParams) {
  const sma = createSma(params.period)
  return {
    warmupBars: params.period,
    onBar(ctx) {
      const value = sma.update(ctx.close)
      if (ctx.isWarmingUp) return
      if (ctx.close > value && ctx.positionVolume <= 0) ctx.enterLong()
      else if (ctx.close < value && ctx.positionVolume > 0) ctx.exitLong()
    },
  }
}
`

describe.each(databaseTargets())('version history on $name', (target) => {
  let server: TestServer
  let strategyId: string
  const ids: string[] = []
  const path = (suffix = '') => `/api/strategies/${strategyId}${suffix}`

  beforeAll(async () => {
    server = await startTestServer(target)
    strategyId = (await server.call('POST', '/api/strategies', { name: 'Tendance à la hausse' }))
      .body.id
    // v1: the template; v2: a faster fast MA and a moved slow MA; v3: exits become short entries.
    const graph = smaCrossGraph()
    ids.push((await server.call('POST', path('/versions'), { graph, message: 'v1' })).body.id)
    graph.nodes.find((n) => n.id === 'sma_fast')!.params.period = 12
    graph.nodes.find((n) => n.id === 'sma_slow')!.position = { x: 500, y: 333 }
    ids.push((await server.call('POST', path('/versions'), { graph, message: 'v2' })).body.id)
    graph.nodes = graph.nodes.filter((n) => n.id !== 'exit_long')
    graph.nodes.push({
      id: 'enter_short',
      kind: 'enter-short',
      params: {},
      position: { x: 900, y: 300 },
    })
    graph.edges = graph.edges.filter((e) => e.id !== 'e8')
    graph.edges.push({
      id: 'e9',
      source: 'cross_down',
      sourcePort: 'result',
      target: 'enter_short',
      targetPort: 'when',
    })
    const v3 = await server.call('POST', path('/versions'), { graph, message: 'v3' })
    expect(v3.status).toBe(201)
    ids.push(v3.body.id)
  })
  afterAll(() => server?.close())

  it('diffs two versions structurally and as text', async () => {
    const { status, body } = await server.call('GET', path(`/diff?from=${ids[0]}&to=${ids[2]}`))
    expect(status).toBe(200)
    expect(body.from).toMatchObject({ id: ids[0], version: 1 })
    expect(body.to).toMatchObject({ id: ids[2], version: 3 })
    expect(body.graph).toEqual({
      nodesAdded: [{ id: 'enter_short', kind: 'enter-short' }],
      nodesRemoved: [{ id: 'exit_long', kind: 'exit-long' }],
      nodesMoved: [{ nodeId: 'sma_slow', from: expect.any(Object), to: { x: 500, y: 333 } }],
      paramsChanged: [{ nodeId: 'sma_fast', param: 'period', from: 10, to: 12 }],
      labelsChanged: [],
      edgesAdded: [
        {
          id: 'e9',
          source: 'cross_down',
          sourcePort: 'result',
          target: 'enter_short',
          targetPort: 'when',
        },
      ],
      edgesRemoved: [
        {
          id: 'e8',
          source: 'cross_down',
          sourcePort: 'result',
          target: 'exit_long',
          targetPort: 'when',
        },
      ],
      metaChanged: [],
    })
    expect(body.ts).toMatch(
      /^===================================================================\n--- a\/strategy\.ts\tversion 1\n\+\+\+ b\/strategy\.ts\tversion 3\n/,
    )
    expect(body.ts).toMatch(/^-.*10/m)
    expect(body.ts).toMatch(/^\+.*12/m)
    expect(body.mql5).toMatch(/^--- a\/strategy\.mq5\tversion 1$/m)
    expect(body.mql5).toMatch(/^\+.*12/m)
  })

  it('rolls back to an older version as a new version with an event, once', async () => {
    const before = await server.call('GET', path('/versions/' + ids[0]))
    const rolled = await server.call('POST', path(`/versions/${ids[0]}/rollback`), {})
    expect(rolled.status).toBe(201)
    expect(rolled.body).toMatchObject({
      version: 4,
      parentVersionId: ids[2],
      restoredFromVersionId: ids[0],
      message: 'Rolled back to version 1',
      contentHash: before.body.contentHash,
      tsSource: before.body.tsSource,
      mql5Source: before.body.mql5Source,
      graph: before.body.graph,
    })
    const diff = await server.call('GET', path(`/diff?from=${ids[0]}&to=${rolled.body.id}`))
    expect(diff.body.graph).toEqual({
      nodesAdded: [],
      nodesRemoved: [],
      nodesMoved: [],
      paramsChanged: [],
      labelsChanged: [],
      edgesAdded: [],
      edgesRemoved: [],
      metaChanged: [],
    })
    expect(diff.body.ts).toBe('')
    expect(diff.body.mql5).toBe('')

    // Rolling back to the same content again, or saving it again, stores nothing.
    const again = await server.call('POST', path(`/versions/${ids[0]}/rollback`), {})
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(rolled.body.id)
    const resave = await server.call('POST', path('/versions'), { graph: before.body.graph })
    expect(resave.status).toBe(200)
    expect(resave.body.id).toBe(rolled.body.id)
    const versions = await server.call('GET', path('/versions'))
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1])
    const events = await server.call('GET', path('/events'))
    const rollbacks = events.body.events.filter(
      (e: { type: string }) => e.type === 'version.rolled_back',
    )
    expect(rollbacks).toHaveLength(1)
    ids.push(rolled.body.id)
  })

  it('stores code versions without MQL5 and never duplicates them', async () => {
    const saved = await server.call('POST', path('/versions'), {
      code: CODE,
      message: 'hand-written',
    })
    expect(saved.status).toBe(201)
    expect(saved.body).toMatchObject({
      kind: 'code',
      version: 5,
      graph: null,
      mql5Source: null,
      tsSource: CODE,
      schemaVersion: null,
    })
    const same = await server.call('POST', path('/versions'), { code: CODE })
    expect(same.status).toBe(200)
    expect(same.body.id).toBe(saved.body.id)
    const strategy = await server.call('GET', path())
    expect(strategy.body.latestVersion).toMatchObject({ id: saved.body.id, kind: 'code' })

    const diff = await server.call('GET', path(`/diff?from=${ids[3]}&to=${saved.body.id}`))
    expect(diff.body.graph).toBeNull()
    expect(diff.body.ts).toContain('+export function createStrategy(params = defaultParams) {')

    const both = await server.call('POST', path('/versions'), {
      code: CODE,
      graph: smaCrossGraph(),
    })
    expect(both.status).toBe(400)
    expect(both.body.error.details.issues).toEqual([
      { path: 'code', message: 'send either graph or code' },
    ])
  })

  it('downloads .mq5 with a BOM and .ts, named after the strategy', async () => {
    const mq5 = await server.request(path(`/versions/${ids[0]}/download.mq5`))
    expect(mq5.status).toBe(200)
    expect(mq5.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(mq5.headers.get('content-disposition')).toBe(
      `attachment; filename="Tendance_a_la_hausse_v1.mq5"; filename*=UTF-8''${encodeURIComponent('Tendance à la hausse_v1.mq5')}`,
    )
    const bytes = new Uint8Array(await mq5.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const version = (await server.call('GET', path(`/versions/${ids[0]}`))).body
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(version.mql5Source)

    const ts = await server.request(path(`/versions/${ids[0]}/download.ts`))
    expect(ts.headers.get('content-type')).toBe('text/typescript; charset=utf-8')
    expect(ts.headers.get('content-disposition')).toMatch(/filename="Tendance_a_la_hausse_v1\.ts"/)
    expect(await ts.text()).toBe(version.tsSource)

    const code = (await server.call('GET', path('/versions'))).body[0]
    const none = await server.call('GET', path(`/versions/${code.id}/download.mq5`))
    expect(none.status).toBe(422)
    expect(none.body.error.code).toBe('no_mql5')
  })

  it('keeps non-ASCII labels intact in the MQL5 download', async () => {
    const graph = smaCrossGraph()
    graph.nodes.find((n) => n.id === 'sma_fast')!.label = 'Schnell ü'
    const saved = await server.call('POST', path('/versions'), { graph })
    const mq5 = await server.request(path(`/versions/${saved.body.id}/download.mq5`))
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await mq5.arrayBuffer())
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text).toContain('Schnell ü')
  })

  it('answers 404 for a diff with a version of another strategy', async () => {
    const other = await server.call('POST', '/api/strategies', { name: 'Other' })
    const foreign = await server.call('POST', `/api/strategies/${other.body.id}/versions`, {
      graph: smaCrossGraph(),
    })
    const diff = await server.call('GET', path(`/diff?from=${ids[0]}&to=${foreign.body.id}`))
    expect(diff.status).toBe(404)
    const bad = await server.call('GET', path(`/diff?from=${ids[0]}`))
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0].path).toBe('to')
  })
})
