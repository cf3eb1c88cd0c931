import type { MouseEvent, ReactNode } from 'react'
import { KillSwitchButton } from '../risk/KillSwitch'
import './nav.css'
import { readStrategyId } from '../versions/strategy-id'

export type PageName = 'ide' | 'deployments' | 'accounts'

/** Changes the URL without a reload; `App` listens for popstate and shows the page. */
export function go(path: string): void {
  window.history.pushState(null, '', path)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** A same-app link: a plain click navigates in place, a modified click opens a tab as usual. */
export function AppLink({
  href,
  children,
  className,
  current,
  testId,
}: {
  href: string
  children: ReactNode
  className?: string
  current?: boolean
  testId?: string
}) {
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return
    }
    event.preventDefault()
    go(href)
  }
  return (
    <a
      href={href}
      className={className}
      aria-current={current ? 'page' : undefined}
      data-testid={testId}
      onClick={onClick}
    >
      {children}
    </a>
  )
}

/** The IDE link reopens the strategy that was open (the URL carries it). */
function ideHref(): string {
  const id = readStrategyId()
  return id ? `/?strategy=${encodeURIComponent(id)}` : '/'
}

/** IDE · Deployments · Accounts. */
export function AppNav({ current }: { current: PageName }) {
  return (
    <nav className="app-nav" aria-label="Main">
      <AppLink href={ideHref()} current={current === 'ide'} testId="nav-ide">
        IDE
      </AppLink>
      <AppLink href="/deployments" current={current === 'deployments'} testId="nav-deployments">
        Deployments
      </AppLink>
      <AppLink href="/accounts" current={current === 'accounts'} testId="nav-accounts">
        Accounts
      </AppLink>
    </nav>
  )
}

/** The top bar of the pages outside the IDE: brand, navigation, the kill switch. */
export function PageHeader({ current, children }: { current: PageName; children?: ReactNode }) {
  return (
    <header className="top-bar">
      <span className="top-bar__brand" aria-label="Tradeloom">
        Trade<span>loom</span>
      </span>
      <AppNav current={current} />
      <div className="page-header__extra">{children}</div>
      <KillSwitchButton />
    </header>
  )
}
