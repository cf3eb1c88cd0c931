import { useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { getGuardrails, listGuardrailDays, resetGuardrails, saveGuardrails } from '../api/risk'
import type { GuardrailConfig, GuardrailDay, GuardrailStatus } from '../api/risk'
import { formatMoney, formatTime } from '../deployments/format'
import { messageOf } from '../app/message-of'
import { ErrorBox, Loading } from '../deployments/ui'
import { usePolling } from '../deployments/usePolling'
import { CorrelationMatrix } from './CorrelationMatrix'
import { meterText, meterTone, meterWidth } from './loss-meter'
import './risk.css'

/**
 * An account's guardrails: the daily-loss meter with warnings and a manual reset, the settings
 * form, earlier days and the correlation matrix. The status is polled every 2 s.
 */
export function GuardrailsPanel({ accountId, currency }: { accountId: string; currency: string }) {
  const polled = usePolling(`guardrails:${accountId}`, () => getGuardrails(accountId))
  const status = polled.data
  return (
    <section className="guardrails" aria-labelledby="guardrails-title" data-testid="guardrails">
      <h3 id="guardrails-title">Guardrails</h3>
      {polled.loading ? (
        <Loading what="guardrails" />
      ) : !status ? (
        <ErrorBox message={`Could not load the guardrails: ${polled.error ?? 'no answer'}`} />
      ) : (
        <>
          {polled.error && <p className="tone-down">Refreshing failed: {polled.error}</p>}
          {status.configured ? (
            <DailyLoss
              status={status}
              currency={currency}
              accountId={accountId}
              onReset={polled.refresh}
            />
          ) : (
            <p className="tone-warn" data-testid="guardrails-missing">
              No guardrails yet: deployments on this account are refused until you set them.
            </p>
          )}
          <GuardrailsForm
            key={accountId}
            accountId={accountId}
            currency={currency}
            config={status.config}
            onSaved={polled.refresh}
          />
          <Disclosure summary="Earlier days">
            {() => <DayHistory accountId={accountId} currency={currency} />}
          </Disclosure>
          <Disclosure summary="Correlation of the account's symbols">
            {() => (
              <CorrelationMatrix
                accountId={accountId}
                maxCorrelation={status.config?.maxCorrelation}
              />
            )}
          </Disclosure>
        </>
      )}
    </section>
  )
}

/** A `<details>` whose content mounts (and so starts loading) only once opened. */
function Disclosure({ summary, children }: { summary: string; children(): ReactNode }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="guardrails__more" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  )
}

function LossMeter({ day, currency }: { day: GuardrailDay; currency: string }) {
  const tone = meterTone(day.usedFraction, day.breached)
  const width = meterWidth(day.usedFraction, day.breached)
  const text = meterText(day.usedFraction, day.breached)
  return (
    <div className={`loss-meter is-${tone}`} data-testid="loss-meter" data-tone={tone}>
      <div
        className="loss-meter__track"
        role="meter"
        aria-label="Daily loss used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(width)}
        aria-valuetext={text}
      >
        <div className="loss-meter__bar" style={{ width: `${width}%` }} />
      </div>
      <div className="loss-meter__caption">
        <span>
          Loss today <strong>{formatMoney(day.lossUsed, currency)}</strong> of{' '}
          {day.lossLimit === null ? 'a limit not known yet' : formatMoney(day.lossLimit, currency)}
          {day.usedFraction !== null && ` (${Math.round(day.usedFraction * 100)} %)`}
        </span>
        <span className="muted">
          realised {formatMoney(day.realizedPnl, currency)} · floating{' '}
          {formatMoney(day.floatingPnl, currency)} · day {day.dayKey} started with{' '}
          {formatMoney(day.startEquity, currency)}
        </span>
      </div>
    </div>
  )
}

function DailyLoss({
  status,
  currency,
  accountId,
  onReset,
}: {
  status: GuardrailStatus
  currency: string
  accountId: string
  onReset(): Promise<void>
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const day = status.day

  async function reset() {
    if (
      !window.confirm(
        'Start a new trading day now? The daily loss starts again from zero and daily-loss halts are lifted.',
      )
    ) {
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      await resetGuardrails(accountId)
      await onReset()
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="guardrails__day">
      {day ? (
        <LossMeter day={day} currency={currency} />
      ) : (
        <p className="muted">No trading day yet: it starts with the first heartbeat of the day.</p>
      )}
      {day?.breached && (
        <ErrorBox
          message={`Daily loss limit breached${day.breachedAt ? ` at ${formatTime(day.breachedAt)}` : ''}${day.breachReason ? `: ${day.breachReason}` : ''}. The account's deployments are halted until the day resets.`}
        />
      )}
      {status.warnings.length > 0 && (
        <ul className="warnings" role="status" data-testid="guardrail-warnings">
          {status.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="inline-row">
        <button type="button" className="button" disabled={busy} onClick={() => void reset()}>
          {busy ? 'Resetting…' : 'Reset the day'}
        </button>
        <span className="muted field-note">
          The day also resets by itself at midnight in the account's time zone.
        </span>
      </div>
      {error && <ErrorBox message={error} />}
    </div>
  )
}

const DEFAULTS: GuardrailConfig = {
  maxDailyLossKind: 'percent',
  maxDailyLoss: 5,
  maxPositions: 3,
  maxCorrelation: 0.8,
  correlationLookbackDays: 90,
}

function GuardrailsForm({
  accountId,
  currency,
  config,
  onSaved,
}: {
  accountId: string
  currency: string
  config: GuardrailConfig | null
  onSaved(): Promise<void>
}) {
  const initial = config ?? DEFAULTS
  const [kind, setKind] = useState(initial.maxDailyLossKind)
  const [loss, setLoss] = useState(String(initial.maxDailyLoss))
  const [positions, setPositions] = useState(String(initial.maxPositions))
  const [correlation, setCorrelation] = useState(String(initial.maxCorrelation))
  const [lookback, setLookback] = useState(String(initial.correlationLookbackDays))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [saved, setSaved] = useState(false)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    setSaved(false)
    try {
      await saveGuardrails(accountId, {
        maxDailyLossKind: kind,
        maxDailyLoss: Number(loss),
        maxPositions: Number(positions),
        maxCorrelation: Number(correlation),
        correlationLookbackDays: Number(lookback),
      })
      await onSaved()
      setSaved(true)
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="guardrails__form" onSubmit={(event) => void onSubmit(event)}>
      <label>
        Daily loss limit in
        <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
          <option value="percent">% of the day's starting equity</option>
          <option value="money">{currency}</option>
        </select>
      </label>
      <label>
        Maximum daily loss
        <input
          type="number"
          min={0}
          max={kind === 'percent' ? 100 : undefined}
          step="any"
          required
          value={loss}
          onChange={(event) => setLoss(event.target.value)}
        />
      </label>
      <label>
        Maximum positions
        <input
          type="number"
          min={1}
          step={1}
          required
          value={positions}
          onChange={(event) => setPositions(event.target.value)}
        />
      </label>
      <label>
        Maximum correlation (0–1)
        <input
          type="number"
          min={0}
          max={1}
          step="any"
          required
          value={correlation}
          onChange={(event) => setCorrelation(event.target.value)}
        />
      </label>
      <label>
        Correlation lookback (days)
        <input
          type="number"
          min={20}
          step={1}
          required
          value={lookback}
          onChange={(event) => setLookback(event.target.value)}
        />
      </label>
      <div className="inline-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save guardrails'}
        </button>
        {saved && (
          <span className="tone-up" role="status">
            Saved
          </span>
        )}
      </div>
      {error && <ErrorBox message={error} />}
    </form>
  )
}

function DayHistory({ accountId, currency }: { accountId: string; currency: string }) {
  const polled = usePolling(`days:${accountId}`, () => listGuardrailDays(accountId), 15_000)
  if (polled.loading) return <Loading what="earlier days" />
  if (!polled.data) {
    return <ErrorBox message={`Could not load earlier days: ${polled.error ?? 'no answer'}`} />
  }
  if (polled.data.length === 0) return <p className="muted">No trading days yet.</p>
  return (
    <table className="data-table" aria-label="Trading days">
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Start equity</th>
          <th scope="col">Realised</th>
          <th scope="col">Loss / limit</th>
          <th scope="col">Breached</th>
          <th scope="col">Ended</th>
        </tr>
      </thead>
      <tbody>
        {polled.data.map((day) => (
          <tr key={day.id}>
            <td>{day.dayKey}</td>
            <td>{formatMoney(day.startEquity, currency)}</td>
            <td>{formatMoney(day.realizedPnl, currency)}</td>
            <td>
              {formatMoney(day.lossUsed)} / {formatMoney(day.lossLimit)}
            </td>
            <td className={day.breached ? 'tone-down' : undefined}>
              {day.breached ? formatTime(day.breachedAt) : 'no'}
            </td>
            <td>
              {day.endedAt ? `${formatTime(day.endedAt)} (${day.endedBy ?? '—'})` : 'current'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
