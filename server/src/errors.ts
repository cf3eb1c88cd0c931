import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The one error body every failed API response carries. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

/** One problem with a request, named by where it is: `graph.nodes.0.params.period`. */
export interface Issue {
  path: string
  message: string
}

/**
 * An error the client can act on. The message is shown to people, so it says what is wrong and
 * where; `details` carries the machine-readable part (issues, diagnostics).
 */
export class AppError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly details: unknown

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = new.target.name
    this.status = status
    this.code = code
    this.details = details
  }
}

/** 404: the resource does not exist, or belongs to someone else (we do not say which). */
export class NotFoundError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super(404, 'not_found', message, undefined, options)
  }
}

/** 400: the request itself is malformed; `details.issues` names each problem's path. */
export class ValidationError extends AppError {
  constructor(
    message: string,
    issues: Issue[],
    extra?: Record<string, unknown>,
    options?: ErrorOptions,
  ) {
    super(400, 'validation_failed', message, { issues, ...extra }, options)
  }
}

/** 422: well-formed, but cannot be processed as asked (e.g. a graph that does not compile). */
export class UnprocessableError extends AppError {
  constructor(code: string, message: string, details?: unknown, options?: ErrorOptions) {
    super(422, code, message, details, options)
  }
}

/** 409: the request clashes with the current state (e.g. two saves racing for one number). */
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown, options?: ErrorOptions, code = 'conflict') {
    super(409, code, message, details, options)
  }
}

/** 401: nobody is signed in (`unauthorized`), or the credentials are wrong. */
export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in to continue', code = 'unauthorized', options?: ErrorOptions) {
    super(401, code, message, undefined, options)
  }
}

/** 403: the request is refused whoever asks (CSRF check failed, feature off in this mode). */
export class ForbiddenError extends AppError {
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(403, code, message, undefined, options)
  }
}

/** 413: the body is larger than this route accepts; the message names the limit. */
export class PayloadTooLargeError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super(413, 'payload_too_large', message, undefined, options)
  }
}

/** 429: too many attempts; `retryAfterSeconds` also goes out as the Retry-After header. */
export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number

  constructor(message: string, retryAfterSeconds: number, options?: ErrorOptions) {
    super(429, 'too_many_attempts', message, { retryAfterSeconds }, options)
    this.retryAfterSeconds = retryAfterSeconds
  }
}
