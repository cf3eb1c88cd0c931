import { request, setCsrfToken } from './client'

export interface User {
  id: string
  email: string
  displayName?: string | null
}

/** `local`: one user on this machine, signed in automatically. `multi`: accounts. */
export type AuthMode = 'local' | 'multi'

export interface Me {
  mode: AuthMode
  user: User | null
  csrfToken: string | null
}

/** Who is signed in (never 401; in local mode the server signs the local user in). */
export async function fetchMe(): Promise<Me> {
  const me = await request<Me>('GET', '/auth/me')
  setCsrfToken(me.csrfToken)
  return me
}

/** Signs in; the session cookie is set by the server. */
export async function login(email: string, password: string): Promise<User> {
  const answer = await request<{ user: User; csrfToken: string }>('POST', '/auth/login', {
    email,
    password,
  })
  setCsrfToken(answer.csrfToken)
  return answer.user
}

/** Creates an account and signs it in. */
export async function register(
  email: string,
  password: string,
  displayName?: string,
): Promise<User> {
  const answer = await request<{ user: User; csrfToken: string }>('POST', '/auth/register', {
    email,
    password,
    ...(displayName ? { displayName } : {}),
  })
  setCsrfToken(answer.csrfToken)
  return answer.user
}

/** Ends the session. */
export async function logout(): Promise<void> {
  await request<void>('POST', '/auth/logout')
  setCsrfToken(null)
}
