import type { Context, MiddlewareHandler } from 'hono'
import { UnauthorizedError } from '../errors'
import type { AppEnv } from '../app-env'

/** Who is making the request; every user-owned query is scoped by `id`. */
export interface CurrentUser {
  readonly id: string
  readonly email: string
  readonly displayName: string
  readonly createdAt: Date
}

/**
 * Finds the user behind a request, or null when nobody is signed in. The app uses the session
 * cookie (`sessionUserResolver`); tests may inject their own.
 */
export type UserResolver = (c: Context<AppEnv>) => Promise<CurrentUser | null>

/**
 * Sets `c.var.user` for every route behind it, or answers 401. Paths for which `isPublic` holds
 * pass through without a user.
 */
export function currentUser(
  resolve: UserResolver,
  isPublic: (path: string) => boolean = () => false,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isPublic(c.req.path)) return next()
    const user = await resolve(c)
    if (user === null) throw new UnauthorizedError()
    c.set('user', user)
    await next()
  }
}
