import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env'

/** Where `npm run build -w @tradeloom/web` writes the app. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url))

const MISSING_BUILD_PAGE = (dir: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tradeloom: web app not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Tradeloom API is running</h1>
<p>The web app has not been built, so there is nothing to show at this address yet.
Run <code>npm start</code> from the repository root (it builds the app first), or
<code>npm run build -w @tradeloom/web</code>, then reload.</p>
<p>Looked for <code>${dir.replace(/[<>&]/g, '')}/index.html</code>. The API answers under
<a href="/api/health"><code>/api</code></a>.</p>
</body></html>`

/**
 * Serves the built web app on the same port as the API: files from `distDir`, and index.html for
 * any other GET outside `/api` so client-side routes survive a reload. Whether the build exists
 * is checked per request, so building while the server runs needs no restart.
 */
export function serveWeb(app: Hono<AppEnv>, distDir: string = DEFAULT_WEB_DIST): void {
  const indexHtml = path.join(distDir, 'index.html')
  const files = serveStatic({ root: distDir })
  const fallback = serveStatic({ path: indexHtml })

  app.get('*', async (c, next) => {
    if (!existsSync(indexHtml)) {
      if (c.req.path === '/') return c.html(MISSING_BUILD_PAGE(distDir), 503)
      return next()
    }
    const served = await files(c, async () => {})
    if (served) {
      // Vite fingerprints everything under assets/, so those files never change once served.
      const immutable = c.req.path.startsWith('/assets/')
      served.headers.set(
        'Cache-Control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
      return served
    }
    // A missing asset is a real 404; any other path is a client-side route of the SPA.
    if (c.req.path.startsWith('/assets/')) return next()
    const page = await fallback(c, async () => {})
    if (!page) return next()
    page.headers.set('Cache-Control', 'no-cache')
    return page
  })
}
