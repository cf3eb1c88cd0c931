import { useState } from 'react'
import {
  getDeployment,
  haltDeployment,
  reissueEa,
  resumeDeployment,
  stopDeployment,
} from '../api/deployments'
import type { Deployment } from '../api/deployments'
import { CommandHistory, HeartbeatSnapshot, TradesTable } from './DeploymentActivity'
import {
  ageNow,
  commandLabel,
  failureText,
  formatAge,
  formatTime,
  haltReasonLabel,
  heartbeatTone,
  isLive,
} from './format'
import { issuedEa, saveAttachment, saveEa } from './issued-ea'
import { PhaseProgress } from './PhaseProgress'
import { messageOf } from '../app/message-of'
import { ErrorBox, Loading, Modal, Pill, StatusBadge } from './ui'
import { useNow, usePolling } from './usePolling'

/** One deployment, polled every 2 s: progress, live state, controls, heartbeat and trades. */
export function DeploymentDetail({ id }: { id: string }) {
  const polled = usePolling(`deployment:${id}`, () => getDeployment(id))
  const deployment = polled.data
  if (polled.loading) return <Loading what="the deployment" />
  if (!deployment) {
    return <ErrorBox message={`Could not load deployment ${id}: ${polled.error ?? 'no answer'}`} />
  }
  return (
    <article className="deployment" data-testid="deployment-detail" aria-labelledby="dep-title">
      <header className="deployment__header">
        <div>
          <h2 id="dep-title" className="deployment__title">
            {deployment.strategyName} v{deployment.versionNumber}
          </h2>
          <p className="muted">
            {deployment.symbol} · {deployment.timeframe} · {deployment.lots} lots on{' '}
            {deployment.accountName} ({deployment.accountKind}) · heartbeat every{' '}
            {deployment.heartbeatSeconds} s
          </p>
        </div>
        <div className="deployment__status" data-testid="deployment-status">
          <StatusBadge status={deployment.status} />
          {deployment.statusReason && deployment.statusReason !== failureText(deployment) && (
            <span className="muted deployment__reason">{deployment.statusReason}</span>
          )}
        </div>
      </header>
      {polled.error && (
        <ErrorBox message={`Showing the last known state; refreshing failed: ${polled.error}`} />
      )}
      <PhaseProgress deployment={deployment} />
      <LiveState deployment={deployment} fetchedAt={polled.fetchedAt} />
      <Controls deployment={deployment} onChanged={polled.refresh} />
      {deployment.accountKind === 'live' && <EaDownload deployment={deployment} />}
      <HeartbeatSnapshot deployment={deployment} />
      <CommandHistory commands={deployment.commands} />
      <TradesTable deploymentId={deployment.id} />
    </article>
  )
}

function LiveState({ deployment, fetchedAt }: { deployment: Deployment; fetchedAt: number }) {
  const now = useNow(1000)
  const age = ageNow(deployment.heartbeatAgeSeconds, fetchedAt, now)
  const live = isLive(deployment.status)
  const lastError = deployment.lastHeartbeat?.lastError as
    { message?: string; timeGmt?: number } | null | undefined
  return (
    <section className="live-state" aria-labelledby="live-title">
      <h3 id="live-title">Live state</h3>
      <dl className="facts facts--wide">
        <div>
          <dt>Last heartbeat</dt>
          <dd data-testid="heartbeat-age">
            <span
              className={`tone-${live ? heartbeatTone(age, deployment.heartbeatSeconds) : 'muted'}`}
            >
              {age === null ? 'never' : `${formatAge(age)} ago`}
            </span>
            {deployment.lastHeartbeatAt && (
              <span className="muted"> ({formatTime(deployment.lastHeartbeatAt)})</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Trading</dt>
          <dd data-testid="halt-state">
            {deployment.halted ? (
              <>
                <Pill tone="warn">Halted</Pill>{' '}
                <span data-testid="halt-reasons">
                  {deployment.haltReasons.map(haltReasonLabel).join(', ')}
                </span>
              </>
            ) : deployment.status === 'AWAITING_EA' ? (
              <span className="muted">waiting for the EA's ready and first heartbeat</span>
            ) : live ? (
              <Pill tone="up">Entries allowed</Pill>
            ) : (
              <span className="muted">not running</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Pending command</dt>
          <dd data-testid="pending-command">
            {deployment.pendingCommand
              ? `#${deployment.pendingCommand.commandId} ${commandLabel(deployment.pendingCommand.command)} (waiting for the EA's acknowledgement)`
              : 'none'}
          </dd>
        </div>
        {deployment.activatedAt && (
          <div>
            <dt>Active since</dt>
            <dd>{formatTime(deployment.activatedAt)}</dd>
          </div>
        )}
        {deployment.stoppedAt && (
          <div>
            <dt>Stopped</dt>
            <dd>{formatTime(deployment.stoppedAt)}</dd>
          </div>
        )}
        {deployment.tokenRevokedAt && (
          <div>
            <dt>EA token</dt>
            <dd className="tone-warn">revoked {formatTime(deployment.tokenRevokedAt)}</dd>
          </div>
        )}
        {lastError?.message && (
          <div>
            <dt>EA's last error</dt>
            <dd className="tone-down">{lastError.message}</dd>
          </div>
        )}
      </dl>
    </section>
  )
}

function Controls({
  deployment,
  onChanged,
}: {
  deployment: Deployment
  onChanged(): Promise<void>
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [stopping, setStopping] = useState(false)
  const live = isLive(deployment.status)
  if (!live) return null
  const haltedByUser = deployment.haltReasons.includes('user')

  async function act(action: () => Promise<unknown>) {
    setBusy(true)
    setError(undefined)
    try {
      await action()
      await onChanged()
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="controls" aria-label="Deployment controls">
      {haltedByUser ? (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void act(() => resumeDeployment(deployment.id))}
        >
          Resume
        </button>
      ) : (
        <button
          type="button"
          className="button"
          disabled={busy || deployment.status === 'STOPPING'}
          onClick={() => void act(() => haltDeployment(deployment.id))}
        >
          Halt new entries
        </button>
      )}
      <button
        type="button"
        className="button button--danger"
        disabled={busy || deployment.status === 'STOPPING'}
        onClick={() => setStopping(true)}
      >
        Stop…
      </button>
      {haltedByUser && deployment.haltReasons.length > 1 && (
        <span className="muted">
          Resuming lifts only your halt:{' '}
          {deployment.haltReasons
            .filter((reason) => reason !== 'user')
            .map(haltReasonLabel)
            .join(', ')}{' '}
          still holds.
        </span>
      )}
      {error && <ErrorBox message={error} />}
      {stopping && (
        <StopDialog
          deployment={deployment}
          onClose={() => setStopping(false)}
          onStopped={onChanged}
        />
      )}
    </section>
  )
}

function StopDialog({
  deployment,
  onClose,
  onStopped,
}: {
  deployment: Deployment
  onClose(): void
  onStopped(): Promise<void>
}) {
  const [closePositions, setClosePositions] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const running = deployment.status === 'ACTIVE' || deployment.status === 'STALE'

  async function onStop() {
    setBusy(true)
    setError(undefined)
    try {
      await stopDeployment(deployment.id, closePositions)
      await onStopped()
      onClose()
    } catch (caught) {
      setError(messageOf(caught))
      setBusy(false)
    }
  }

  return (
    <Modal title="Stop this deployment" onClose={onClose} testId="stop-dialog">
      <div className="modal__form">
        <p>
          {running
            ? 'The EA is told to stop at its next heartbeat; the deployment is STOPPED once it confirms (or after two heartbeats without an answer). Its token is then revoked.'
            : 'The EA has not confirmed yet, so the deployment stops at once and its token is revoked.'}
        </p>
        {running && (
          <label className="check">
            <input
              type="checkbox"
              checked={closePositions}
              onChange={(event) => setClosePositions(event.target.checked)}
            />
            Close positions (the EA closes its open positions before stopping)
          </label>
        )}
        {error && <ErrorBox message={error} />}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void onStop()}
          >
            {busy ? 'Stopping…' : 'Stop deployment'}
          </button>
        </div>
      </div>
    </Modal>
  )
}

/**
 * A live account's EA: saved right after deploying; later downloads re-issue it with a new token
 * (the server does this while it waits for the EA). Also says which URL MetaTrader must allow.
 */
function EaDownload({ deployment }: { deployment: Deployment }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const inMemory = issuedEa(deployment.id)
  const canReissue = deployment.status === 'AWAITING_EA'
  const whitelist = deployment.receipt?.whitelistUrl ?? window.location.origin
  if (!inMemory && !canReissue && deployment.receipt === null) return null

  async function onReissue() {
    setBusy(true)
    setError(undefined)
    try {
      saveAttachment(await reissueEa(deployment.id))
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="ea-download" aria-labelledby="ea-title">
      <h3 id="ea-title">Expert Advisor</h3>
      {deployment.receipt && (
        <p className="muted">
          {deployment.receipt.fileName} · code hash{' '}
          <code title={deployment.receipt.codeHash}>
            {deployment.receipt.codeHash.slice(0, 16)}…
          </code>
          {deployment.receipt.magic ? ` · magic ${deployment.receipt.magic}` : ''}
        </p>
      )}
      {(inMemory || canReissue) && (
        <div className="inline-row">
          {inMemory && (
            <button type="button" className="button" onClick={() => saveEa(inMemory)}>
              Download EA
            </button>
          )}
          {canReissue && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void onReissue()}
            >
              {busy
                ? 'Generating…'
                : inMemory
                  ? 'Re-issue EA (new token)'
                  : 'Download EA (new token)'}
            </button>
          )}
        </div>
      )}
      {canReissue && !inMemory && (
        <p className="muted field-note">
          The EA was handed over once when you deployed; downloading it again issues a new token and
          the earlier file stops working.
        </p>
      )}
      <ol className="ea-steps">
        <li>Copy the .mq5 file to MQL5/Experts in the terminal's data folder and compile it.</li>
        <li>
          In MetaTrader, open Tools → Options → Expert Advisors, tick “Allow WebRequest for listed
          URL” and add <code data-testid="whitelist-url">{whitelist}</code>.
        </li>
        <li>
          Attach the EA to a {deployment.symbol} chart with AutoTrading on. The deployment turns
          ACTIVE after its first heartbeat (within 15 minutes, or it fails).
        </li>
      </ol>
      {error && <ErrorBox message={error} />}
    </section>
  )
}
