import { useEffect, useState } from 'react'
import { AccountsPage } from '../accounts/AccountsPage'
import { AuthPage } from '../auth/AuthPage'
import { useAuth } from '../auth/useAuth'
import { DeploymentsPage } from '../deployments/DeploymentsPage'
import { KillSwitchBanner } from '../risk/KillSwitch'
import { useKillSwitchPolling } from '../risk/useKillSwitch'
import { Ide } from './Ide'
import { go } from './nav'

interface Route {
  page: 'login' | 'register' | 'ide' | 'deployments' | 'accounts'
  share?: string
  /** `/deployments/:id`, or `/accounts?account=<id>`. */
  id?: string
}

/** Which page the URL asks for: the two auth pages, a share link, the IDE or a risk page. */
function route(): Route {
  const url = new URL(window.location.href)
  const share = url.searchParams.get('share') ?? undefined
  if (url.pathname === '/login') return { page: 'login' }
  if (url.pathname === '/register') return { page: 'register' }
  const deployment = /^\/deployments(?:\/([^/]+))?\/?$/.exec(url.pathname)
  if (deployment) {
    return { page: 'deployments', id: deployment[1] && decodeURIComponent(deployment[1]) }
  }
  if (/^\/accounts\/?$/.test(url.pathname)) {
    return { page: 'accounts', id: url.searchParams.get('account') ?? undefined }
  }
  return { page: 'ide', share }
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
  if (where.page === 'login' || where.page === 'register') {
    return <AuthPage kind={where.page} onDone={() => go('/')} />
  }
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
  return <SignedIn where={where} />
}

/**
 * The signed-in pages under the kill-switch banner, which shows on every page while the switch
 * is on (it is polled every 2 s while the tab is visible).
 */
function SignedIn({ where }: { where: Route }) {
  useKillSwitchPolling(true)
  return (
    <div className="shell">
      <KillSwitchBanner />
      {where.page === 'deployments' ? (
        <DeploymentsPage deploymentId={where.id} />
      ) : where.page === 'accounts' ? (
        <AccountsPage accountId={where.id} />
      ) : (
        <Ide onSignedOut={() => go('/login')} />
      )}
    </div>
  )
}
