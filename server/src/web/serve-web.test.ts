import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../app-env'
import { serveWeb } from './serve-web'

describe('serveWeb', () => {
  let dist: string

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'tradeloom-web-'))
    await mkdir(path.join(dist, 'assets'))
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Tradeloom</title>')
    await writeFile(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)')
  })
  afterAll(() => rm(dist, { recursive: true, force: true }))

  function appFor(dir: string) {
    const app = new Hono<AppEnv>()
    app.get('/api/health', (c) => c.json({ ok: true }))
    serveWeb(app, dir)
    return app
  }

  it('serves index.html at / and for client-side routes', async () => {
    const app = appFor(dist)
    for (const url of ['/', '/strategies/abc']) {
      const response = await app.request(url)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('<title>Tradeloom</title>')
    }
  })

  it('serves built assets with a long cache and 404s missing ones', async () => {
    const app = appFor(dist)
    const found = await app.request('/assets/app-1234.js')
    expect(found.status).toBe(200)
    expect(found.headers.get('content-type')).toMatch(/javascript/)
    expect(found.headers.get('cache-control')).toContain('immutable')
    expect((await app.request('/assets/gone.js')).status).toBe(404)
  })

  it('leaves API routes alone', async () => {
    expect(await (await appFor(dist).request('/api/health')).json()).toEqual({ ok: true })
  })

  it('says how to build the app when there is no build', async () => {
    const response = await appFor(path.join(dist, 'missing')).request('/')
    expect(response.status).toBe(503)
    expect(await response.text()).toContain('npm run build -w @tradeloom/web')
  })
})
