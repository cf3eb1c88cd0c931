import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { formatTime } from '../deployments/format'
import { messageOf } from '../app/message-of'
import { ErrorBox, Modal } from '../deployments/ui'
import { useKillSwitch } from './useKillSwitch'
import './risk.css'

/** The kill switch in the top bar: always in reach, asks before it acts. */
export function KillSwitchButton() {
  const state = useKillSwitch((store) => store.status?.state)
  const pollError = useKillSwitch((store) => store.error)
  const [open, setOpen] = useState(false)
  const triggered = state === 'TRIGGERED'
  return (
    <>
      <button
        type="button"
        className={`button kill-switch-button${triggered ? ' is-triggered' : ''}`}
        data-testid="kill-switch-button"
        onClick={() => setOpen(true)}
        disabled={triggered}
        title={
          triggered
            ? 'The kill switch is on: resolve it from the red banner'
            : 'Halt every live deployment now'
        }
      >
        {triggered ? 'Kill switch on' : 'Kill switch'}
      </button>
      {pollError && (
        <span className="tone-warn kill-switch-error" role="status" title={pollError}>
          Kill switch state unknown: {pollError}
        </span>
      )}
      {open && <KillSwitchDialog onClose={() => setOpen(false)} />}
    </>
  )
}

function KillSwitchDialog({ onClose }: { onClose(): void }) {
  const trigger = useKillSwitch((store) => store.trigger)
  const [reason, setReason] = useState('')
  const [closePositions, setClosePositions] = useState(true)
  const [revokeTokens, setRevokeTokens] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const reasonId = useId()

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await trigger({ reason: reason.trim(), closePositions, revokeTokens })
      onClose()
    } catch (caught) {
      setError(messageOf(caught))
      setBusy(false)
    }
  }

  return (
    <Modal title="Trigger the kill switch" onClose={onClose} testId="kill-switch-dialog">
      <form className="modal__form" onSubmit={(event) => void onSubmit(event)}>
        <p className="muted">
          Every live deployment is told to halt at its next heartbeat, and no deployment can start
          until you resolve the switch.
        </p>
        <label htmlFor={reasonId}>Reason</label>
        <textarea
          id={reasonId}
          required
          maxLength={500}
          rows={2}
          value={reason}
          placeholder="Why are you stopping everything?"
          onChange={(event) => setReason(event.target.value)}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={closePositions}
            onChange={(event) => setClosePositions(event.target.checked)}
          />
          Close all positions (each EA closes its own positions, then halts)
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={revokeTokens}
            onChange={(event) => setRevokeTokens(event.target.checked)}
          />
          Revoke EA tokens (deployments cannot resume after resolving; deploy again instead)
        </label>
        {error && <ErrorBox message={error} />}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--danger"
            disabled={busy || reason.trim() === ''}
          >
            {busy ? 'Triggering…' : 'Trigger kill switch'}
          </button>
        </div>
      </form>
    </Modal>
  )
}

/** The red banner across every page while the kill switch is on, with its Resolve button. */
export function KillSwitchBanner() {
  const status = useKillSwitch((store) => store.status)
  const [resolving, setResolving] = useState(false)
  const current = status?.state === 'TRIGGERED' ? status.current : null
  if (!current) return null
  return (
    <div className="kill-banner" role="alert" data-testid="kill-switch-banner">
      <strong>Kill switch triggered</strong>
      <span>
        at {formatTime(current.triggeredAt)}: {current.reason}.{' '}
        {current.closePositions
          ? 'Live deployments are closing their positions and halted.'
          : 'Live deployments are halted.'}
        {current.revokeTokens ? ' EA tokens are revoked.' : ''} New deployments are refused.
      </span>
      <button type="button" className="button" onClick={() => setResolving(true)}>
        Resolve…
      </button>
      {resolving && <ResolveDialog onClose={() => setResolving(false)} />}
    </div>
  )
}

function ResolveDialog({ onClose }: { onClose(): void }) {
  const resolve = useKillSwitch((store) => store.resolve)
  const revoked = useKillSwitch((store) => store.status?.current?.revokeTokens ?? false)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const noteId = useId()

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await resolve(note.trim() || undefined)
      onClose()
    } catch (caught) {
      setError(messageOf(caught))
      setBusy(false)
    }
  }

  return (
    <Modal title="Resolve the kill switch" onClose={onClose} testId="kill-switch-resolve">
      <form className="modal__form" onSubmit={(event) => void onSubmit(event)}>
        <p className="muted">
          {revoked
            ? 'Tokens were revoked: deployments stay halted; deploy again to trade. New deployments are allowed again.'
            : 'Deployments halted only by the kill switch resume at their next heartbeat; other halt reasons (daily loss, your own halt) still hold.'}
        </p>
        <label htmlFor={noteId}>Note (optional)</label>
        <input
          id={noteId}
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        {error && <ErrorBox message={error} />}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Resolving…' : 'Resolve kill switch'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
