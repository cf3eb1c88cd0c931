import { useState } from 'react'
import { listEvents } from '../api/deployments'
import type { Deployment } from '../api/deployments'
import { AppLink } from '../app/nav'
import { eventSummary, formatTime } from './format'
import type { Tone } from './format'
import { ErrorBox, Loading, Pill } from './ui'
import { usePolling } from './usePolling'

const EVENT_TONES: Record<string, Tone> = {
  DEPLOYED: 'accent',
  HEARTBEAT_LOST: 'warn',
  HALTED: 'warn',
  RESUMED: 'up',
  KILL_SWITCH: 'down',
  GUARDRAIL_BREACHED: 'down',
  TRADE_EXECUTED: 'muted',
  ERROR: 'down',
  STOPPED: 'muted',
}

/** The user's timeline, newest first, optionally narrowed to the deployment on screen. */
export function TimelinePanel({
  selected,
  deployments,
}: {
  selected: string | undefined
  deployments: Deployment[] | undefined
}) {
  const [onlySelected, setOnlySelected] = useState(false)
  const [limit, setLimit] = useState(50)
  const deploymentId = onlySelected ? selected : undefined
  const polled = usePolling(`events:${deploymentId ?? 'all'}:${limit}`, () =>
    listEvents({ deploymentId, limit }),
  )
  const names = new Map(
    (deployments ?? []).map((d) => [d.id, `${d.strategyName} v${d.versionNumber}`]),
  )
  const events = polled.data?.events
  return (
    <section className="panel page-panel" aria-labelledby="timeline-title" data-testid="timeline">
      <header className="panel__header">
        <h2 id="timeline-title">Timeline</h2>
        {selected && (
          <label className="check">
            <input
              type="checkbox"
              checked={onlySelected}
              onChange={(event) => setOnlySelected(event.target.checked)}
            />
            Only this deployment
          </label>
        )}
      </header>
      <div className="page-panel__body">
        {polled.loading ? (
          <Loading what="the timeline" />
        ) : !events ? (
          <ErrorBox message={`Could not load the timeline: ${polled.error ?? 'no answer'}`} />
        ) : events.length === 0 ? (
          <p className="muted">Nothing has happened yet.</p>
        ) : (
          <ol className="timeline" aria-label="Events">
            {events.map((event) => (
              <li key={event.id} data-type={event.type}>
                <time dateTime={event.createdAt}>{formatTime(event.createdAt)}</time>
                <Pill tone={EVENT_TONES[event.type] ?? 'muted'}>{event.type}</Pill>
                <span className="timeline__text">{eventSummary(event)}</span>
                {event.deploymentId && (
                  <AppLink
                    href={`/deployments/${encodeURIComponent(event.deploymentId)}`}
                    className="timeline__link"
                  >
                    {names.get(event.deploymentId) ?? 'deployment'}
                  </AppLink>
                )}
              </li>
            ))}
          </ol>
        )}
        {events && polled.data?.nextCursor && limit < 200 && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => setLimit((current) => Math.min(200, current + 50))}
          >
            Show more
          </button>
        )}
      </div>
    </section>
  )
}
