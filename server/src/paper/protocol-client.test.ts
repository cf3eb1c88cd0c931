import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asciiJson, createProtocolClient, parseRetryAfter } from './protocol-client'

const DEPLOYMENT = '3f2c0000-0000-4000-8000-000000000001'
const TOKEN = 'b'.repeat(43)

describe('protocol client over real HTTP', () => {
  const seen: { path: string; headers: Record<string, string>; body: string }[] = []
  const app = new Hono()
    .post('/base/api/ea/v1/deployments/:id/hello', async (c) => {
      seen.push({ path: c.req.path, headers: c.req.header(), body: await c.req.text() })
      return c.json({ heartbeatSeconds: 20 })
    })
    .post('/base/api/ea/v1/deployments/:id/heartbeat', (c) =>
      c.json({ error: { code: 'rate_limited', message: 'Too many requests' } }, 429, {
        'Retry-After': '12',
      }),
    )
    .post('/base/api/ea/v1/deployments/:id/ack', (c) => c.text('plain failure', 502))
    .post('/base/api/ea/v1/deployments/:id/trades', async () => {
      await new Promise((resolve) => setTimeout(resolve, 500))
      return new Response('{}')
    })
  let server: ReturnType<typeof serve>
  let url = ''

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        url = `http://127.0.0.1:${info.port}/base/`
        resolve()
      })
    })
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const client = (timeoutMs = 3_000) =>
    createProtocolClient({ serverUrl: url, deploymentId: DEPLOYMENT, token: TOKEN, timeoutMs })

  it('posts to <serverUrl>/api/ea/v1/deployments/<id>/<message> with the token and pure-ASCII JSON', async () => {
    const outcome = await client().send('hello', { company: 'Bänk “Ltd” 😀' })
    expect(outcome).toEqual({
      ok: true,
      status: 200,
      body: { heartbeatSeconds: 20 },
      retryAfterSeconds: null,
    })
    const [request] = seen
    expect(request!.path).toBe(`/base/api/ea/v1/deployments/${DEPLOYMENT}/hello`)
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      accept: 'application/json',
    })
    expect(request!.body).toBe('{"company":"B\\u00e4nk \\u201cLtd\\u201d \\ud83d\\ude00"}')
    expect(JSON.parse(request!.body)).toEqual({ company: 'Bänk “Ltd” 😀' })
  })

  it('reports status, error code, message and Retry-After; a non-JSON error keeps its status', async () => {
    expect(await client().send('heartbeat', {})).toEqual({
      ok: false,
      status: 429,
      code: 'rate_limited',
      message: 'Too many requests',
      retryAfterSeconds: 12,
    })
    expect(await client().send('ack', {})).toMatchObject({
      ok: false,
      status: 502,
      code: null,
      message: 'HTTP 502 on ack',
    })
  })

  it('gives up after its timeout, and reports a closed port as no answer', async () => {
    const slow = await client(100).send('trades', { reports: [] })
    expect(slow).toMatchObject({ ok: false, status: null, code: null })
    const closed = createProtocolClient({
      serverUrl: 'http://127.0.0.1:1',
      deploymentId: DEPLOYMENT,
      token: TOKEN,
    })
    expect(await closed.send('hello', {})).toMatchObject({
      ok: false,
      status: null,
      message: expect.stringMatching(/^no answer/),
    })
  })
})

describe('asciiJson / parseRetryAfter', () => {
  it('escapes DEL and everything above it, nothing printable', () => {
    expect(asciiJson({ a: 'x\u007fé~' })).toBe('{"a":"x\\u007f\\u00e9~"}')
  })

  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30)
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60)
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
  })
})
