import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'
import { toOpenApiPath } from './build-document'
import { ROUTE_DOCS } from './route-docs'

describe.each(databaseTargets().slice(0, 1))('OpenAPI on $name', (target) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(target, { workers: false })
  })
  afterAll(() => server?.close())

  it('documents every API route the app serves, and nothing else', () => {
    const served = server.app.routes
      .filter((r) => r.path.startsWith('/api/') && !r.path.endsWith('*') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path}`)
    const documented = ROUTE_DOCS.map((r) => `${r.method} ${r.path}`)
    expect([...new Set(served)].sort()).toEqual([...documented].sort())
  })

  it('serves an OpenAPI 3.1 document built from the validators', async () => {
    const response = await server.anonymous('/api/openapi.json')
    expect(response.status).toBe(200)
    const doc = (await response.json()) as {
      openapi: string
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: { required?: string[] } }> }
            parameters: { name: string; in: string }[]
            security?: unknown[]
          }
        >
      >
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toContain(
      toOpenApiPath('/api/strategies/:id/versions/:versionId/rollback'),
    )
    const register = doc.paths['/api/auth/register']!.post!
    expect(register.requestBody!.content['application/json']!.schema.required).toEqual([
      'email',
      'password',
    ])
    expect(register.security).toEqual([])
    const bars = doc.paths['/api/datasets/{id}/bars']!.get!
    expect(bars.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:id',
      'query:from',
      'query:to',
      'query:offset',
      'query:limit',
    ])
    expect(doc.paths['/api/datasets']!.post!.requestBody!.content).toHaveProperty('text/csv')
  })

  it('serves a self-contained docs page', async () => {
    const response = await server.anonymous('/api/docs')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain("fetch('/api/openapi.json')")
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/)
  })
})
