import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { createAccount } from '../api/accounts'
import type { AccountKind, CreateAccount, MarginMode, TradingAccount } from '../api/accounts'
import { messageOf } from '../app/message-of'
import { ErrorBox, Modal } from '../deployments/ui'

/** IANA zones the browser knows, for the day-boundary field's suggestions. */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return ['UTC', 'Europe/Athens', 'Europe/London', 'America/New_York']
  }
}

/**
 * A new trading account: a paper account (simulated by the paper terminal, starts with the
 * built-in symbols) or a live MetaTrader account (broker, server, login).
 */
export function CreateAccountDialog({
  onClose,
  onCreated,
}: {
  onClose(): void
  onCreated(account: TradingAccount): void
}) {
  const [kind, setKind] = useState<AccountKind>('paper')
  const [name, setName] = useState('')
  const [broker, setBroker] = useState('')
  const [server, setServer] = useState('')
  const [login, setLogin] = useState('')
  const [marginMode, setMarginMode] = useState<MarginMode>('hedging')
  const [currency, setCurrency] = useState('USD')
  const [dayTimeZone, setDayTimeZone] = useState('UTC')
  const [initialBalance, setInitialBalance] = useState('10000')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const id = {
    name: useId(),
    broker: useId(),
    server: useId(),
    login: useId(),
    margin: useId(),
    currency: useId(),
    zone: useId(),
    zones: useId(),
    balance: useId(),
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    const input: CreateAccount =
      kind === 'paper'
        ? {
            name: name.trim(),
            kind,
            marginMode,
            currency: currency.trim(),
            dayTimeZone: dayTimeZone.trim(),
            initialBalance: Number(initialBalance),
          }
        : {
            name: name.trim(),
            kind,
            broker: broker.trim(),
            server: server.trim(),
            login: login.trim(),
            marginMode,
            currency: currency.trim(),
            dayTimeZone: dayTimeZone.trim(),
          }
    try {
      onCreated(await createAccount(input))
    } catch (caught) {
      setError(messageOf(caught))
      setBusy(false)
    }
  }

  return (
    <Modal title="New trading account" onClose={onClose} testId="create-account">
      <form className="modal__form" onSubmit={(event) => void onSubmit(event)}>
        <fieldset className="fieldset">
          <legend>Kind</legend>
          <label className="check">
            <input
              type="radio"
              name="account-kind"
              checked={kind === 'paper'}
              onChange={() => setKind('paper')}
            />
            Paper (simulated here, no MetaTrader needed)
          </label>
          <label className="check">
            <input
              type="radio"
              name="account-kind"
              checked={kind === 'live'}
              onChange={() => setKind('live')}
            />
            Live MetaTrader 5 account
          </label>
        </fieldset>
        <label htmlFor={id.name}>Account name</label>
        <input
          id={id.name}
          required
          maxLength={120}
          value={name}
          placeholder={kind === 'paper' ? 'Paper EURUSD' : 'IC Markets demo'}
          onChange={(event) => setName(event.target.value)}
        />
        {kind === 'live' && (
          <>
            <label htmlFor={id.broker}>Broker</label>
            <input
              id={id.broker}
              required
              maxLength={120}
              value={broker}
              onChange={(event) => setBroker(event.target.value)}
            />
            <label htmlFor={id.server}>Trade server</label>
            <input
              id={id.server}
              required
              maxLength={120}
              value={server}
              placeholder="Broker-Demo"
              onChange={(event) => setServer(event.target.value)}
            />
            <label htmlFor={id.login}>Login (account number)</label>
            <input
              id={id.login}
              required
              inputMode="numeric"
              pattern="[0-9]{1,20}"
              value={login}
              onChange={(event) => setLogin(event.target.value)}
            />
          </>
        )}
        <label htmlFor={id.margin}>Position accounting</label>
        <select
          id={id.margin}
          value={marginMode}
          onChange={(event) => setMarginMode(event.target.value as MarginMode)}
        >
          <option value="hedging">Hedging (many positions per symbol)</option>
          <option value="netting">Netting (one position per symbol)</option>
        </select>
        <label htmlFor={id.currency}>Account currency</label>
        <input
          id={id.currency}
          required
          maxLength={3}
          pattern="[A-Za-z]{3}"
          value={currency}
          onChange={(event) => setCurrency(event.target.value.toUpperCase())}
        />
        <label htmlFor={id.zone}>Trading day time zone</label>
        <input
          id={id.zone}
          required
          list={id.zones}
          value={dayTimeZone}
          onChange={(event) => setDayTimeZone(event.target.value)}
        />
        <datalist id={id.zones}>
          {timeZones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <p className="field-note">
          The daily loss resets at midnight in this zone (brokers often use Europe/Athens).
        </p>
        {kind === 'paper' && (
          <>
            <label htmlFor={id.balance}>Starting balance</label>
            <input
              id={id.balance}
              type="number"
              min={1}
              step="any"
              required
              value={initialBalance}
              onChange={(event) => setInitialBalance(event.target.value)}
            />
          </>
        )}
        {error && <ErrorBox message={error} />}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create account'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
