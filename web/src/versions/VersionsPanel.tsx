import './versions.css'
import { useStrategySession } from './useStrategySession'

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The saved versions of the open strategy, newest first. */
export function VersionsPanel() {
  const strategyId = useStrategySession((state) => state.strategyId)
  const versions = useStrategySession((state) => state.versions)
  const load = useStrategySession((state) => state.load)
  const refresh = useStrategySession((state) => state.refreshVersions)
  const notice = useStrategySession((state) => state.notice)
  const openFailed = useStrategySession((state) => state.openError !== undefined)

  return (
    <section className="panel versions" aria-labelledby="versions-title" data-testid="versions">
      <header className="panel__header">
        <h2 id="versions-title">Versions</h2>
        {load.state === 'busy' && (
          <span className="muted" role="status">
            Loading…
          </span>
        )}
      </header>
      {notice && (
        <p className="notice" role="status" data-testid="versions-notice">
          {notice}
        </p>
      )}
      {load.state === 'error' && (
        <div className="error-box" role="alert" data-testid="versions-error">
          <p>Could not load versions: {load.message}</p>
          <button type="button" className="button button--ghost" onClick={() => void refresh()}>
            Retry
          </button>
        </div>
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
            <li key={version.id} className="versions__item" data-testid="version-item">
              <span className="versions__number">v{version.version}</span>
              <span className="versions__message">{version.message || 'No message'}</span>
              <time className="versions__time" dateTime={version.createdAt}>
                {when.format(new Date(version.createdAt))}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
