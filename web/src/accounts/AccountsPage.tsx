import { useState } from 'react'
import { deleteAccount, downloadConnector, getAccount, listAccounts } from '../api/accounts'
import type { TradingAccount } from '../api/accounts'
import { AppLink, PageHeader, go } from '../app/nav'
import { PanelBoundary } from '../app/PanelBoundary'
import { formatMoney, formatTime } from '../deployments/format'
import { saveAttachment } from '../deployments/issued-ea'
import { messageOf } from '../app/message-of'
import { ErrorBox, Loading, Pill } from '../deployments/ui'
import { usePolling } from '../deployments/usePolling'
import { GuardrailsPanel } from '../risk/GuardrailsPanel'
import { CreateAccountDialog } from './CreateAccountDialog'
import { SymbolCatalogue } from './SymbolCatalogue'
import './accounts.css'

const accountHref = (id: string) => `/accounts?account=${encodeURIComponent(id)}`

/**
 * Trading accounts: the list, a new-account dialog, and the chosen account with its guardrails,
 * symbol catalogue and (live accounts) the connector script.
 */
export function AccountsPage({ accountId }: { accountId?: string }) {
  const list = usePolling('accounts', listAccounts, 10_000)
  const [creating, setCreating] = useState(false)
  const selected = accountId ?? list.data?.[0]?.id
  return (
    <div className="page">
      <PageHeader current="accounts" />
      <main className="accounts-page">
        <section className="panel page-panel accounts-page__list" aria-labelledby="accounts-title">
          <header className="panel__header">
            <h2 id="accounts-title">Trading accounts</h2>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => setCreating(true)}
            >
              New account
            </button>
          </header>
          <div className="page-panel__body">
            {list.loading ? (
              <Loading what="accounts" />
            ) : !list.data ? (
              <ErrorBox message={`Could not list your accounts: ${list.error ?? 'no answer'}`} />
            ) : list.data.length === 0 ? (
              <p className="muted" data-testid="accounts-empty">
                No trading accounts yet. Create a paper account to try a strategy without
                MetaTrader, or add your MetaTrader 5 account.
              </p>
            ) : (
              <ul className="page-list">
                {list.data.map((account) => (
                  <li key={account.id}>
                    <AppLink
                      href={accountHref(account.id)}
                      className="page-list__item account-list__item"
                      current={account.id === selected}
                    >
                      <strong>{account.name}</strong>
                      <span className="muted">
                        {account.kind} · {account.login} · {account.currency}
                      </span>
                    </AppLink>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
        <section className="panel page-panel accounts-page__detail" aria-label="Account">
          <div className="page-panel__body">
            <PanelBoundary name="account">
              {selected ? (
                <AccountDetail key={selected} id={selected} onListChanged={list.refresh} />
              ) : (
                !list.loading && (
                  <p className="empty-state">Create an account to set its guardrails.</p>
                )
              )}
            </PanelBoundary>
          </div>
        </section>
      </main>
      {creating && (
        <CreateAccountDialog
          onClose={() => setCreating(false)}
          onCreated={(account) => {
            setCreating(false)
            void list.refresh()
            go(accountHref(account.id))
          }}
        />
      )}
    </div>
  )
}

function AccountDetail({ id, onListChanged }: { id: string; onListChanged(): Promise<void> }) {
  const polled = usePolling(`account:${id}`, () => getAccount(id), 10_000)
  const account = polled.data
  if (polled.loading) return <Loading what="the account" />
  if (!account) {
    return <ErrorBox message={`Could not load account ${id}: ${polled.error ?? 'no answer'}`} />
  }
  return (
    <article className="account" data-testid="account-detail" aria-labelledby="account-title">
      <AccountHeader account={account} onDeleted={onListChanged} />
      {polled.error && <p className="tone-down">Refreshing failed: {polled.error}</p>}
      {account.kind === 'live' && <Connector account={account} />}
      <GuardrailsPanel accountId={account.id} currency={account.currency} />
      <SymbolCatalogue
        account={account}
        onChanged={async () => {
          await polled.refresh()
        }}
      />
    </article>
  )
}

function AccountHeader({
  account,
  onDeleted,
}: {
  account: TradingAccount
  onDeleted(): Promise<void>
}) {
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function onDelete() {
    if (!window.confirm(`Delete the account "${account.name}" with its guardrails and history?`)) {
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      await deleteAccount(account.id)
      await onDeleted()
      go('/accounts')
    } catch (caught) {
      setError(messageOf(caught))
      setBusy(false)
    }
  }

  return (
    <header className="account__header">
      <div>
        <h2 id="account-title" className="account__title">
          {account.name}
        </h2>
        <p className="muted">
          {account.kind === 'paper' ? 'Paper account' : 'Live account'} · {account.broker} ·{' '}
          {account.server} · login {account.login} · {account.marginMode} · {account.currency} · day
          in {account.dayTimeZone}
          {account.kind === 'paper' &&
            ` · starts with ${formatMoney(account.initialBalance, account.currency)}`}
        </p>
      </div>
      <div className="account__status">
        {account.kind === 'paper' ? (
          <Pill tone="up">Paper terminal</Pill>
        ) : account.terminalLive ? (
          <Pill tone="up">Terminal connected</Pill>
        ) : (
          <Pill tone="warn">No terminal seen</Pill>
        )}
        {account.terminalSeenAt && (
          <span className="muted">last seen {formatTime(account.terminalSeenAt)}</span>
        )}
        <button
          type="button"
          className="button button--ghost"
          disabled={busy}
          onClick={() => void onDelete()}
        >
          Delete account
        </button>
      </div>
      {error && <ErrorBox message={error} />}
    </header>
  )
}

/** The connector script proves the account's terminal reaches the server (preflight `terminal`). */
function Connector({ account }: { account: TradingAccount }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  async function onDownload() {
    setBusy(true)
    setError(undefined)
    try {
      saveAttachment(await downloadConnector(account.id))
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="connector" aria-labelledby="connector-title">
      <h3 id="connector-title">Connect the terminal</h3>
      <ol className="ea-steps">
        <li>
          Download the connector script (each download issues a new token; older copies stop
          working):{' '}
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() => void onDownload()}
          >
            {busy ? 'Generating…' : 'Download connector script'}
          </button>
        </li>
        <li>
          In MetaTrader, open Tools → Options → Expert Advisors, tick “Allow WebRequest for listed
          URL” and add <code>{window.location.origin}</code>.
        </li>
        <li>
          Copy it to MQL5/Scripts, compile it and run it once on any chart of login {account.login}.
          This page then shows “Terminal connected”; deployments need a terminal seen within 30
          minutes.
        </li>
      </ol>
      {error && <ErrorBox message={error} />}
    </section>
  )
}
