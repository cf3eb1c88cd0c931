import { useEffect, useState } from 'react'
import { AuthPage } from '../auth/AuthPage'
import { useAuth } from '../auth/useAuth'
import { Ide } from './Ide'

/** Which page the URL asks for: the two auth pages, a share link, or the IDE. */
function route(): { page: 'login' | 'register' | 'ide'; share?: string } {
  const url = new URL(window.location.href)
  const share = url.searchParams.get('share') ?? undefined
  if (url.pathname === '/login') return { page: 'login' }
  if (url.pathname === '/register') return { page: 'register' }
  return { page: 'ide', share }
}

function go(path: string) {
  window.history.pushState(null, '', path)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/**
 * The application shell. A share link opens the IDE read-only without asking who you are; every
 * other page first asks the server (`/auth/me`). In local mode the server signs the local user
 * in, so the login page never shows; with accounts, a visitor without a session is sent there.
 */
export function App() {
  const [where, setWhere] = useState(route)
  const auth = useAuth()

  useEffect(() => {
    const onPop = () => setWhere(route())
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  useEffect(() => {
    if (where.share === undefined) void auth.check()
    // Only on a page change: checking again after every sign-in would loop.
  }, [where.page, where.share]) // auth.check is a stable store action

  if (where.share !== undefined) return <Ide share={where.share} />
  if (where.page !== 'ide') return <AuthPage kind={where.page} onDone={() => go('/')} />
  if (auth.status === 'checking') {
    return (
      <p className="empty-state" role="status" data-testid="auth-checking">
        Connecting to the server…
      </p>
    )
  }
  if (auth.status === 'error') {
    return (
      <div className="empty-state">
        <div className="error-box" role="alert" data-testid="auth-failed">
          <p>Could not reach the server: {auth.error}</p>
          <button type="button" className="button" onClick={() => void auth.check()}>
            Retry
          </button>
        </div>
      </div>
    )
  }
  if (auth.mode === 'multi' && !auth.user) return <AuthPage kind="login" onDone={() => go('/')} />
  return <Ide onSignedOut={() => go('/login')} />
}
