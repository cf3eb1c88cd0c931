import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useGraphStore } from '../canvas/useGraphStore'
import { useStrategySession } from '../versions/useStrategySession'
import { StatusLine } from './StatusLine'
import type { StatusLineProps } from './StatusLine'

/** Strategy name, build and preview status, and Save with a version message. */
export function TopBar(status: StatusLineProps) {
  const name = useGraphStore((state) => state.meta.name)
  const rename = useGraphStore((state) => state.rename)
  const dirty = useGraphStore((state) => state.dirty)
  const save = useStrategySession((state) => state.save)
  const savedMessage = useStrategySession((state) => state.savedMessage)
  const saveCurrent = useStrategySession((state) => state.saveCurrent)
  const [message, setMessage] = useState('')
  const nameId = useId()
  const messageId = useId()
  const saving = save.state === 'busy'

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    await saveCurrent(message)
    if (useStrategySession.getState().save.state === 'idle') setMessage('')
  }

  return (
    <header className="top-bar">
      <span className="top-bar__brand" aria-label="Tradeloom">
        Trade<span>loom</span>
      </span>
      <label className="sr-only" htmlFor={nameId}>
        Strategy name
      </label>
      <input
        id={nameId}
        className="top-bar__name"
        data-testid="strategy-name"
        value={name}
        maxLength={120}
        disabled={status.opening}
        onChange={(event) => rename(event.target.value)}
      />
      <StatusLine {...status} />
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
    </header>
  )
}
