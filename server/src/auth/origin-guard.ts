import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env'
import { ForbiddenError } from '../errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses changes sent by a page of another origin: browsers name the page's origin in `Origin`
 * on cross-site requests, so a mismatch with the host we were reached at is a forged request.
 * Requests without `Origin` (curl, same-origin GETs) are left to the CSRF token check.
 */
export function originGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (!SAFE_METHODS.has(c.req.method) && origin !== undefined) {
      const host =
        c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host
      let originHost: string
      try {
        originHost = new URL(origin).host
      } catch {
        originHost = ''
      }
      if (originHost !== host) {
        throw new ForbiddenError('csrf_failed', `Cross-site request from ${origin} refused`)
      }
    }
    await next()
  }
}
