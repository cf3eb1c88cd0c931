import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { buildOpenApiDocument } from './build-document'
import { DOCS_PAGE } from './docs-page'

// Built once: the document depends only on code.
let document: Record<string, unknown> | undefined

/** `GET /api/openapi.json` and `GET /api/docs`. */
export const openApiRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json((document ??= buildOpenApiDocument())))
  .get('/docs', (c) => c.html(DOCS_PAGE))
