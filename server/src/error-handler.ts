import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError, TooManyRequestsError } from './errors'
import type { ErrorBody } from './errors'

/**
 * Turns anything thrown by a handler into the API's error body. AppErrors and Hono's own
 * HTTPExceptions are the client's fault and are answered as they are; everything else is our bug:
 * logged here with its stack, answered as a bare 500 so no internals leak.
 */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } }
    if (error.details !== undefined) body.error.details = error.details
    if (error instanceof TooManyRequestsError) {
      c.header('Retry-After', String(error.retryAfterSeconds))
    }
    return c.json(body, error.status)
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's validator throws this before our hooks run when the JSON cannot be parsed.
    const invalidJson = /json/i.test(error.message)
    const body: ErrorBody = {
      error: invalidJson
        ? { code: 'invalid_json', message: 'Body is not valid JSON' }
        : { code: 'bad_request', message: error.message || 'Bad request' },
    }
    return c.json(body, error.status)
  }
  console.error(`Unhandled error on ${c.req.method} ${c.req.path}:`, error)
  const body: ErrorBody = { error: { code: 'internal', message: 'Internal error' } }
  return c.json(body, 500)
}

/** Unknown API routes answer in the same shape as every other error. */
export function handleApiNotFound(c: Context): Response {
  const body: ErrorBody = {
    error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` },
  }
  return c.json(body, 404)
}
