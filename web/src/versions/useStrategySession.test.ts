import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../api/client'
import { useGraphStore } from '../canvas/useGraphStore'
import { useCodeStore } from '../code/useCodeStore'
import { sampleGraph } from '../test/sample-graph'
import { useStrategySession } from './useStrategySession'

/**
 * A tiny in-memory stand-in for the server's strategies and versions routes, answering in the
 * server-api.md shapes, so the store's request sequence and error handling are tested as a whole.
 */
function fakeServer() {
  const requests: { method: string; path: string; body?: unknown; csrf?: string }[] = []
  const versions: Record<string, unknown>[] = []
  const strategy = {
    id: 's1',
    name: 'Test cross',
    symbol: 'EURUSD',
    timeframe: 'H1',
    strategyClass: 'RULE',
  }
  let failSaveWith: string | undefined
  const json = (status: number, body: unknown) =>
    new Response(body === undefined ? '' : JSON.stringify(body), { status })
  async function fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const method = init.method ?? 'GET'
    const path = url.replace(/^\/api/, '')
    const body = init.body ? JSON.parse(String(init.body)) : undefined
    const csrf = (init.headers as Record<string, string> | undefined)?.['x-csrf-token']
    requests.push({ method, path, body, csrf })
    if (method === 'POST' && path === '/strategies') return json(201, strategy)
    if (method === 'GET' && path === '/strategies/s1') return json(200, strategy)
    if (method === 'PATCH' && path === '/strategies/s1') return json(200, strategy)
    if (method === 'GET' && path === '/strategies/s1/versions')
      return json(200, [...versions].reverse())
    if (method === 'POST' && path === '/strategies/s1/versions') {
      if (failSaveWith)
        return json(422, { error: { code: 'compile_failed', message: failSaveWith } })
      const version = {
        id: `v${versions.length + 1}`,
        strategyId: 's1',
        version: versions.length + 1,
        kind: body.code ? 'code' : 'graph',
        message: body.message,
        createdAt: '2026-01-01T00:00:00Z',
        graph: body.graph ?? null,
        tsSource: body.code ?? 'generated',
        mql5Source: body.code ? null : 'ea',
      }
      versions.push(version)
      return json(201, version)
    }
    const version = versions.find((v) => path === `/strategies/s1/versions/${String(v.id)}`)
    if (method === 'GET' && version) return json(200, version)
    return json(404, { error: { code: 'not_found', message: `No route ${method} ${path}` } })
  }
  return { fetch, requests, failSave: (message: string) => (failSaveWith = message) }
}

function fakeWindow(href: string) {
  const storage = new Map<string, string>()
  const win = {
    location: { href },
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
      removeItem: (key: string) => void storage.delete(key),
    },
    history: {
      replaceState: (_state: unknown, _title: string, url: URL) =>
        (win.location.href = String(url)),
    },
  }
  return win
}

describe('useStrategySession', () => {
  let server: ReturnType<typeof fakeServer>
  let win: ReturnType<typeof fakeWindow>

  beforeEach(() => {
    server = fakeServer()
    win = fakeWindow('http://localhost/')
    vi.stubGlobal('fetch', server.fetch)
    vi.stubGlobal('window', win)
    vi.stubGlobal('document', { cookie: '' })
    setCsrfToken('token-1')
    useCodeStore.getState().reset()
    useGraphStore.getState().load(sampleGraph())
    useStrategySession.setState({
      strategyId: undefined,
      versions: [],
      savedMessage: undefined,
      save: { state: 'idle' },
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    setCsrfToken(null)
  })

  it('creates the strategy on first save, saves the graph with its message and remembers the id', async () => {
    useGraphStore.getState().setParam('fast', 'period', 12)
    await useStrategySession.getState().saveCurrent('  First  ')
    const posts = server.requests.filter((r) => r.method === 'POST')
    expect(posts.map((r) => r.path)).toEqual(['/strategies', '/strategies/s1/versions'])
    expect(posts.every((r) => r.csrf === 'token-1')).toBe(true)
    expect(posts[1]!.body).toMatchObject({
      message: 'First',
      graph: { meta: { name: 'Test cross' } },
    })
    expect(useStrategySession.getState()).toMatchObject({
      strategyId: 's1',
      currentVersionId: 'v1',
      savedMessage: 'v1 · First',
      save: { state: 'idle' },
    })
    expect(useStrategySession.getState().versions.map((v) => v.version)).toEqual([1])
    expect(useGraphStore.getState().dirty).toBe(false)
    expect(win.location.href).toBe('http://localhost/?strategy=s1')
  })

  it('saves a strategy taken over as code as code', async () => {
    useCodeStore.getState().takeOver('export const code = 1', [])
    await useStrategySession.getState().saveCurrent('As code')
    const save = server.requests.find(
      (r) => r.path === '/strategies/s1/versions' && r.method === 'POST',
    )
    expect(save?.body).toEqual({ code: 'export const code = 1', message: 'As code' })
    expect(useCodeStore.getState().dirty).toBe(false)
  })

  it('shows the server’s message when a save is refused', async () => {
    server.failSave('The graph does not compile')
    await useStrategySession.getState().saveCurrent('x')
    expect(useStrategySession.getState().save).toEqual({
      state: 'error',
      message: 'The graph does not compile',
    })
  })

  it('opens the newest saved version of the strategy in the URL', async () => {
    await useStrategySession.getState().saveCurrent('First')
    useGraphStore.getState().setParam('fast', 'period', 21)
    await useStrategySession.getState().saveCurrent('Second')
    useGraphStore.getState().load(sampleGraph())
    await useStrategySession.getState().open()
    expect(useStrategySession.getState()).toMatchObject({ opening: false, currentVersionId: 'v2' })
    expect(useGraphStore.getState().graph.nodes.find((n) => n.id === 'fast')?.params.period).toBe(
      21,
    )
  })
})
