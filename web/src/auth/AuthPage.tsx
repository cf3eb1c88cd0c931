import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useAuth } from './useAuth'
import './auth.css'

/** Log in or register, wired to the server; errors show the server's own message. */
export function AuthPage({ kind, onDone }: { kind: 'login' | 'register'; onDone(): void }) {
  const signIn = useAuth((state) => state.signIn)
  const signUp = useAuth((state) => state.signUp)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const ids = { email: useId(), password: useId(), name: useId() }
  const isLogin = kind === 'login'

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      if (isLogin) await signIn(email, password)
      else await signUp(email, password, displayName || undefined)
      onDone()
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="auth-page">
      <form
        className="auth-card panel"
        onSubmit={(event) => void onSubmit(event)}
        data-testid={`${kind}-form`}
      >
        <p className="top-bar__brand auth-card__brand">
          Trade<span>loom</span>
        </p>
        <h1>{isLogin ? 'Log in' : 'Create an account'}</h1>
        {!isLogin && (
          <div className="field">
            <label htmlFor={ids.name}>Name (optional)</label>
            <input
              id={ids.name}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              autoComplete="name"
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.email}>Email</label>
          <input
            id={ids.email}
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>Password{isLogin ? '' : ' (at least 8 characters)'}</label>
          <input
            id={ids.password}
            type="password"
            required
            minLength={isLogin ? undefined : 8}
            autoComplete={isLogin ? 'current-password' : 'new-password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <p className="error-box" role="alert" data-testid="auth-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Please wait…' : isLogin ? 'Log in' : 'Create account'}
        </button>
        <p className="muted auth-card__switch">
          {isLogin ? 'No account yet? ' : 'Already registered? '}
          <a href={isLogin ? '/register' : '/login'}>{isLogin ? 'Register' : 'Log in'}</a>
        </p>
      </form>
    </main>
  )
}
