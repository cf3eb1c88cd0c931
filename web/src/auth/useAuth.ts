import { create } from 'zustand'
import { fetchMe, login, logout, register } from '../api/auth'
import { ApiError } from '../api/client'
import type { AuthMode, User } from '../api/auth'
import { messageOf } from '../app/message-of'

export interface AuthState {
  status: 'checking' | 'ready' | 'error'
  mode?: AuthMode
  user: User | null
  error?: string
  check(): Promise<void>
  signIn(email: string, password: string): Promise<void>
  signUp(email: string, password: string, displayName?: string): Promise<void>
  signOut(): Promise<void>
}

/** Who is signed in. Sign-in errors are thrown to the form that asked, with the server's message. */
export const useAuth = create<AuthState>()((set) => ({
  status: 'checking',
  user: null,
  async check() {
    set({ status: 'checking', error: undefined })
    try {
      const me = await fetchMe()
      set({ status: 'ready', mode: me.mode, user: me.user })
    } catch (error) {
      // A server without accounts (no /auth routes) is a single-user local server.
      if (error instanceof ApiError && error.status === 404) {
        set({ status: 'ready', mode: 'local', user: null })
        return
      }
      set({ status: 'error', error: messageOf(error) })
    }
  },
  async signIn(email, password) {
    const user = await login(email, password)
    set({ user, status: 'ready' })
  },
  async signUp(email, password, displayName) {
    const user = await register(email, password, displayName)
    set({ user, status: 'ready' })
  },
  async signOut() {
    await logout()
    set({ user: null })
  },
}))
