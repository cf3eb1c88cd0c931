import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { NewSession } from './session-store'

/** The HttpOnly cookie holding the session token. */
export const SESSION_COOKIE = 'tradeloom_session'
/** A readable copy of the CSRF token, for pages that reload without calling `/auth/me`. */
export const CSRF_COOKIE = 'tradeloom_csrf'

/** True when the browser reached us over https, directly or through a TLS-terminating proxy. */
export function isHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:'
}

/** Sets the session cookie (HttpOnly, SameSite=Lax, Secure over https) and the CSRF cookie. */
export function setSessionCookies(c: Context, session: NewSession): void {
  const common = {
    path: '/',
    sameSite: 'Lax',
    secure: isHttps(c),
    expires: session.expiresAt,
  } as const
  setCookie(c, SESSION_COOKIE, session.token, { ...common, httpOnly: true })
  setCookie(c, CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false })
}

export function clearSessionCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) })
  deleteCookie(c, CSRF_COOKIE, { path: '/', secure: isHttps(c) })
}

export function readSessionToken(c: Context): string | undefined {
  const token = getCookie(c, SESSION_COOKIE)
  return token === undefined || token === '' ? undefined : token
}
