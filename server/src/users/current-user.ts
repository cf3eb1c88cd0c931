import type { Context, MiddlewareHandler } from 'hono'
import { UnauthorizedError } from '../errors'
import type { AppEnv } from '../app-env'

/** Who is making the request; every user-owned query is scoped by `id`. */
export interface CurrentUser {
  readonly id: string
  readonly email: string
  readonly displayName: string
}

/**
 * Finds the user behind a request, or null when nobody is signed in. The walking skeleton uses
 * `localUserResolver`; session authentication replaces the resolver, nothing else.
 */
export type UserResolver = (c: Context<AppEnv>) => Promise<CurrentUser | null>

/** Sets `c.var.user` for the routes behind it, or answers 401. */
export function currentUser(resolve: UserResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = await resolve(c)
    if (user === null) throw new UnauthorizedError()
    c.set('user', user)
    await next()
  }
}

/** Every request acts as the one local user (single-machine mode). */
export function localUserResolver(user: CurrentUser): UserResolver {
  return () => Promise.resolve(user)
}
