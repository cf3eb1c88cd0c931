import { z } from 'zod'
import type { ZodType } from 'zod'
import type { RouteDoc } from './route-docs'
import { ROUTE_DOCS } from './route-docs'

type Json = Record<string, unknown>

const ERROR_BODY = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
})

function schemaOf(schema: ZodType, io: 'input' | 'output'): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Json
  return rest
}

/** `/api/strategies/:id` → `/api/strategies/{id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}')
}

function operation(route: RouteDoc): Json {
  const parameters: Json[] = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: match[1] === 'token' ? { type: 'string' } : { type: 'string', format: 'uuid' },
  }))
  if (route.query !== undefined) {
    const query = schemaOf(route.query, 'input') as { properties?: Json; required?: string[] }
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        schema,
      })
    }
  }
  const responses: Json = {}
  for (const [status, response] of Object.entries(route.responses)) {
    const content =
      response.schema !== undefined
        ? { 'application/json': { schema: schemaOf(response.schema, 'output') } }
        : response.contentType !== undefined
          ? { [response.contentType]: { schema: { type: 'string' } } }
          : Number(status) >= 400
            ? { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
            : undefined
    responses[status] =
      content === undefined
        ? { description: response.description }
        : { description: response.description, content }
  }
  responses.default = {
    description:
      'Error (400 validation, 401 not signed in, 403 CSRF, 404 not found or not yours, …)',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  }
  const op: Json = { tags: [route.tag], summary: route.summary, parameters, responses }
  if (route.body !== undefined) {
    op.requestBody =
      'contentType' in route.body
        ? {
            required: true,
            description: route.body.description,
            content: { [route.body.contentType]: { schema: { type: 'string' } } },
          }
        : {
            required: true,
            content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
          }
  }
  if (route.auth === false) op.security = []
  return op
}

/** The OpenAPI 3.1 document of the API, generated from the route docs' zod schemas. */
export function buildOpenApiDocument(routes: readonly RouteDoc[] = ROUTE_DOCS): Json {
  const paths: Record<string, Json> = {}
  for (const route of routes) {
    const path = toOpenApiPath(route.path)
    paths[path] = { ...paths[path], [route.method]: operation(route) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tradeloom API',
      version: '1',
      description:
        'Strategies, versions, data sets, builds and backtests. Sign in with /api/auth/login (or ' +
        '/api/auth/me in local mode); changes need the X-CSRF-Token header. Errors are ' +
        "{ error: { code, message, details? } }; another user's resource is a 404.",
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'tradeloom_session' },
      },
      schemas: { Error: schemaOf(ERROR_BODY, 'output') },
    },
  }
}
