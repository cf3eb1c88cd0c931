import { z } from 'zod'
import type { ZodType } from 'zod'

/** One response of a route: JSON by a schema, a file or a stream by content type. */
export interface ResponseDoc {
  readonly description: string
  readonly schema?: ZodType
  readonly contentType?: string
}

/** What the OpenAPI document says about one route; the schemas are the validators' own. */
export interface RouteDoc {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** Hono-style path (`/api/strategies/:id`). */
  readonly path: string
  readonly tag: string
  readonly summary: string
  readonly query?: ZodType
  readonly body?: ZodType | { readonly contentType: string; readonly description: string }
  readonly responses: Readonly<Record<number, ResponseDoc>>
  /** False for routes anyone may call. */
  readonly auth?: boolean
}

export const ok = (description: string, schema?: ZodType): ResponseDoc => ({ description, schema })
export const list = (description: string, schema: ZodType): ResponseDoc => ({
  description,
  schema: z.array(schema),
})
