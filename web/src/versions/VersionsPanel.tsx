import { useState } from 'react'
import { createShareLink } from '../api/share'
import './versions.css'
import { useDiffStore } from './useDiffStore'
import { useStrategySession } from './useStrategySession'

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/**
 * The saved versions of the open strategy, newest first: pick two to compare, roll back to one
 * (after a confirmation), or make a read-only share link for it.
 */
export function VersionsPanel({ readOnly }: { readOnly: boolean }) {
  const strategyId = useStrategySession((state) => state.strategyId)
  const versions = useStrategySession((state) => state.versions)
  const currentVersionId = useStrategySession((state) => state.currentVersionId)
  const load = useStrategySession((state) => state.load)
  const rollback = useStrategySession((state) => state.rollback)
  const refresh = useStrategySession((state) => state.refreshVersions)
  const rollbackTo = useStrategySession((state) => state.rollbackTo)
  const notice = useStrategySession((state) => state.notice)
  const openFailed = useStrategySession((state) => state.openError !== undefined)
  const openDiff = useDiffStore((state) => state.open)
  const diffError = useDiffStore((state) => state.error)
  const [picked, setPicked] = useState<string[]>([])
  const [share, setShare] = useState<{ versionId: string; url?: string; error?: string }>()

  function toggle(id: string) {
    setPicked((current) =>
      current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2),
    )
  }

  function confirmRollback(versionId: string, version: number) {
    const ok = window.confirm(
      `Roll back to v${version}? A new version with v${version}'s content is saved on top of the history; nothing is deleted.`,
    )
    if (ok) void rollbackTo(versionId)
  }

  async function makeShareLink(versionId: string) {
    if (!strategyId) return
    setShare({ versionId })
    try {
      const { token } = await createShareLink(strategyId, versionId)
      const url = new URL(`/?share=${encodeURIComponent(token)}`, window.location.origin).toString()
      setShare({ versionId, url })
    } catch (error) {
      setShare({ versionId, error: error instanceof Error ? error.message : String(error) })
    }
  }

  return (
    <section className="versions" aria-labelledby="versions-title" data-testid="versions">
      <header className="panel__header">
        <h2 id="versions-title">Versions</h2>
        {load.state === 'busy' && (
          <span className="muted" role="status">
            Loading…
          </span>
        )}
        {versions.length >= 2 && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="compare-versions"
            disabled={picked.length !== 2 || !strategyId}
            title="Tick two versions to compare them"
            onClick={() => strategyId && void openDiff(strategyId, picked[0]!, picked[1]!)}
          >
            Compare {picked.length}/2
          </button>
        )}
      </header>
      {notice && (
        <p className="notice" role="status" data-testid="versions-notice">
          {notice}
        </p>
      )}
      {[load, rollback].map((status, n) =>
        status.state === 'error' ? (
          <div key={n} className="error-box" role="alert" data-testid="versions-error">
            <p>
              {n === 0 ? 'Could not load versions' : 'Rollback failed'}: {status.message}
            </p>
            {n === 0 && (
              <button type="button" className="button button--ghost" onClick={() => void refresh()}>
                Retry
              </button>
            )}
          </div>
        ) : null,
      )}
      {diffError && (
        <p className="error-box" role="alert">
          Could not compare: {diffError}
        </p>
      )}
      {share?.url && (
        <div className="notice share-link" data-testid="share-link">
          Read-only link (opens without logging in):{' '}
          <a href={share.url} target="_blank" rel="noreferrer" data-testid="share-url">
            {share.url}
          </a>
        </div>
      )}
      {share?.error && (
        <p className="error-box" role="alert" data-testid="share-error">
          Could not create a share link: {share.error}
        </p>
      )}
      {openFailed ? (
        <p className="empty-state">Unavailable: the strategy did not open.</p>
      ) : strategyId === undefined ? (
        <p className="empty-state">Not saved yet. Save to keep a version on the server.</p>
      ) : versions.length === 0 ? (
        load.state === 'idle' && <p className="empty-state">No versions yet.</p>
      ) : (
        <ol className="versions__list" data-testid="versions-list">
          {versions.map((version) => (
            <li
              key={version.id}
              className={`versions__item${version.id === currentVersionId ? ' is-current' : ''}`}
              data-testid="version-item"
              data-version={version.version}
            >
              <input
                type="checkbox"
                aria-label={`Compare v${version.version}`}
                data-testid="version-pick"
                checked={picked.includes(version.id)}
                onChange={() => toggle(version.id)}
              />
              <span className="versions__number">v{version.version}</span>
              <span className="versions__message">
                {version.message || 'No message'}
                {version.kind === 'code' && <span className="versions__kind">code</span>}
              </span>
              <time className="versions__time" dateTime={version.createdAt}>
                {when.format(new Date(version.createdAt))}
              </time>
              <span className="versions__actions">
                {!readOnly && version.id !== versions[0]?.id && (
                  <button
                    type="button"
                    className="button button--ghost"
                    data-testid="rollback"
                    disabled={rollback.state === 'busy'}
                    onClick={() => confirmRollback(version.id, version.version)}
                  >
                    Roll back
                  </button>
                )}
                {version.kind !== 'code' && (
                  <a
                    className="button button--ghost"
                    href={`/api/strategies/${encodeURIComponent(version.strategyId)}/versions/${encodeURIComponent(version.id)}/download.mq5`}
                    download
                    data-testid="download-mq5"
                  >
                    .mq5
                  </a>
                )}
                <button
                  type="button"
                  className="button button--ghost"
                  data-testid="share"
                  onClick={() => void makeShareLink(version.id)}
                >
                  Share
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
