import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useAuth } from '../auth/useAuth'
import { useGraphStore } from '../canvas/useGraphStore'
import { useCodeStore } from '../code/useCodeStore'
import { useReplayStore } from '../replay/useReplayStore'
import { KillSwitchButton } from '../risk/KillSwitch'
import { useStrategySession } from '../versions/useStrategySession'
import { AppNav } from './nav'
import { StatusLine } from './StatusLine'
import type { StatusLineProps } from './StatusLine'

interface TopBarProps extends StatusLineProps {
  readOnly: boolean
  isCode: boolean
  onNew(): void
  /** Opens the deploy dialog for the latest saved version. */
  onDeploy?(): void
  onSignedOut?(): void
}

/** Strategy name, status, new/teach, Save with a version message, and the signed-in user. */
export function TopBar({ readOnly, isCode, onNew, onDeploy, onSignedOut, ...status }: TopBarProps) {
  const name = useGraphStore((state) => state.meta.name)
  const rename = useGraphStore((state) => state.rename)
  const graphDirty = useGraphStore((state) => state.dirty)
  const codeDirty = useCodeStore((state) => state.dirty)
  const save = useStrategySession((state) => state.save)
  const savedMessage = useStrategySession((state) => state.savedMessage)
  const saveCurrent = useStrategySession((state) => state.saveCurrent)
  const shared = useStrategySession((state) => state.shared)
  const teaching = useReplayStore((state) => state.teaching)
  const setTeaching = useReplayStore((state) => state.setTeaching)
  const user = useAuth((state) => state.user)
  const mode = useAuth((state) => state.mode)
  const signOut = useAuth((state) => state.signOut)
  const [message, setMessage] = useState('')
  const [signOutError, setSignOutError] = useState<string>()
  const nameId = useId()
  const messageId = useId()
  const saving = save.state === 'busy'
  const dirty = graphDirty || codeDirty

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    await saveCurrent(message)
    if (useStrategySession.getState().save.state === 'idle') setMessage('')
  }

  async function onSignOut() {
    try {
      await signOut()
      onSignedOut?.()
    } catch (error) {
      setSignOutError(error instanceof Error ? error.message : String(error))
    }
  }

  return (
    <header className="top-bar">
      <span className="top-bar__brand" aria-label="Tradeloom">
        Trade<span>loom</span>
      </span>
      {!readOnly && <AppNav current="ide" />}
      <label className="sr-only" htmlFor={nameId}>
        Strategy name
      </label>
      <input
        id={nameId}
        className="top-bar__name"
        data-testid="strategy-name"
        value={name}
        maxLength={120}
        disabled={status.opening || readOnly}
        onChange={(event) => rename(event.target.value)}
      />
      {isCode && <span className="pill tone-warn">code</span>}
      <StatusLine {...status} />
      <div className="top-bar__actions">
        {!readOnly && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="new-strategy"
            onClick={onNew}
          >
            Open / new…
          </button>
        )}
        {!readOnly && onDeploy && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="deploy-open"
            disabled={status.opening}
            onClick={onDeploy}
          >
            Deploy…
          </button>
        )}
        <button
          type="button"
          className={`button button--ghost${teaching ? ' is-on' : ''}`}
          data-testid="teaching-toggle"
          aria-pressed={teaching}
          onClick={() => setTeaching(!teaching)}
        >
          {teaching ? 'Leave teaching mode' : 'Teaching mode'}
        </button>
      </div>
      {readOnly ? (
        <p className="top-bar__shared" data-testid="shared-banner">
          Shared read-only view{shared ? ` of v${shared.version}` : ''}: nothing here can be
          changed.
        </p>
      ) : (
        <form className="top-bar__save" onSubmit={(event) => void onSubmit(event)}>
          <label className="sr-only" htmlFor={messageId}>
            Version message
          </label>
          <input
            id={messageId}
            data-testid="save-message"
            placeholder="Describe this version…"
            value={message}
            maxLength={500}
            onChange={(event) => setMessage(event.target.value)}
          />
          <button
            type="submit"
            className="button button--primary"
            data-testid="save-button"
            disabled={saving || status.opening}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
          <span className="top-bar__save-status" role="status" data-testid="save-status">
            {save.state === 'error' ? (
              <span className="tone-down" title={save.message}>
                Save failed: {save.message}
              </span>
            ) : dirty ? (
              <span className="muted">Unsaved changes</span>
            ) : savedMessage ? (
              <span className="tone-up">Saved {savedMessage}</span>
            ) : null}
          </span>
        </form>
      )}
      {!readOnly && user && (
        <div className="top-bar__user">
          <span className="muted" title={user.email} data-testid="user-email">
            {user.displayName || user.email}
          </span>
          {mode === 'multi' && (
            <button
              type="button"
              className="button button--ghost"
              data-testid="logout"
              onClick={() => void onSignOut()}
            >
              Log out
            </button>
          )}
          {signOutError && <span className="tone-down">{signOutError}</span>}
        </div>
      )}
      {!readOnly && <KillSwitchButton />}
    </header>
  )
}
