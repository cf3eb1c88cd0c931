import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp } from './app'
import type { ErrorBody } from './errors'
import { startTestServer } from './test-support/test-server'
import type { TestServer } from './test-support/test-server'

describe.each(databaseTargets())('app on $name', (target) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(() => server?.close())

  it('reports the database kind and a running job engine', async () => {
    const { status, body } = await server.call('GET', '/api/health')
    expect(status).toBe(200)
    expect(body).toEqual({
      status: 'ok',
      database: target.name,
      databaseOk: true,
      jobs: {
        state: 'running',
        queues: [
          'backtest.run',
          'build.run',
          'guardrails.day-rollover',
          'deployments.watchdog',
          'paper.terminal',
        ],
        // One handler per queue, and eight for paper terminals, which mostly wait on timers.
        workers: 12,
      },
    })
  })

  it('answers unknown API routes with a JSON 404', async () => {
    const { status, body } = await server.call('GET', '/api/nothing-here')
    expect(status).toBe(404)
    expect(body).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/nothing-here' },
    })
  })

  it('answers malformed JSON with a 400', async () => {
    const response = await server.request('/api/strategies', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 'invalid_json', message: 'Body is not valid JSON' },
    })
  })

  it('names a body sent without a JSON content type', async () => {
    const response = await server.request('/api/strategies', { method: 'POST', body: 'name=x' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as ErrorBody).error.message).toBe(
      'Body must be JSON: send Content-Type: application/json',
    )
  })

  it('refuses oversized and malformed bodies, storing nothing', async () => {
    const before = (await server.call('GET', '/api/strategies')).body
    const { status, body } = await server.call('POST', '/api/strategies', {
      name: 'x'.repeat(6 * 1024 * 1024),
    })
    expect(status).toBe(413)
    expect(body).toEqual({
      error: { code: 'payload_too_large', message: 'Body is larger than 5 MB' },
    })
    const wrongType = await server.call('POST', '/api/strategies', { name: 42, tags: 'x' })
    expect(wrongType.status).toBe(400)
    expect(wrongType.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'name',
      'tags',
    ])
    expect((await server.call('GET', '/api/strategies')).body).toEqual(before)
  })

  it('hides unexpected errors behind a bare 500 and logs them', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const app = createApp({
      db: server.services.database.db,
      databaseKind: target.name,
      jobs: server.services.jobs,
      settings: server.settings,
      webDist: null,
      resolveUser: () => Promise.reject(new Error('connection to 10.0.0.7 refused')),
    })
    const response = await app.request('/api/strategies')
    const text = await response.text()
    const logged = log.mock.calls
    log.mockRestore()
    expect(response.status).toBe(500)
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal error' } })
    expect(text).not.toMatch(/10\.0\.0\.7|\bat\s|\.ts:\d+/)
    expect(logged).toEqual([
      [
        'Unhandled error on GET /api/strategies:',
        expect.objectContaining({ message: 'connection to 10.0.0.7 refused' }),
      ],
    ])
  })
})
