import { useId, useState } from 'react'
import { listDeployments } from '../api/deployments'
import type { Deployment, DeploymentStatus } from '../api/deployments'
import { AppLink, PageHeader } from '../app/nav'
import { PanelBoundary } from '../app/PanelBoundary'
import { DeploymentDetail } from './DeploymentDetail'
import { ExecutionQualityPanel } from './ExecutionQualityPanel'
import { ageNow, formatAge, heartbeatTone, isLive } from './format'
import { TimelinePanel } from './TimelinePanel'
import { ErrorBox, Loading, StatusBadge } from './ui'
import { useNow, usePolling } from './usePolling'
import './deployments.css'

const STATUS_FILTERS: { value: '' | DeploymentStatus; label: string }[] = [
  { value: '', label: 'All statuses' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'AWAITING_EA', label: 'Awaiting EA' },
  { value: 'STALE', label: 'Stale' },
  { value: 'STOPPING', label: 'Stopping' },
  { value: 'STOPPED', label: 'Stopped' },
  { value: 'FAILED', label: 'Failed' },
]

/**
 * Deployments: the list (status, strategy, account, symbol, heartbeat age), the selected
 * deployment in detail, execution quality and the timeline. Everything polls every 2–5 s while
 * the tab is visible.
 */
export function DeploymentsPage({ deploymentId }: { deploymentId?: string }) {
  const [status, setStatus] = useState<'' | DeploymentStatus>('')
  const list = usePolling(`deployments:${status}`, () =>
    listDeployments(status === '' ? {} : { status }),
  )
  return (
    <div className="page">
      <PageHeader current="deployments" />
      <main className="deployments-page">
        <section className="panel page-panel deployments-page__list" aria-labelledby="list-title">
          <header className="panel__header">
            <h2 id="list-title">Deployments</h2>
            <StatusFilter value={status} onChange={setStatus} />
          </header>
          <div className="page-panel__body">
            <PanelBoundary name="deployments list">
              <DeploymentList polled={list} selected={deploymentId} />
            </PanelBoundary>
          </div>
        </section>
        <section className="panel page-panel deployments-page__detail" aria-label="Deployment">
          <div className="page-panel__body">
            <PanelBoundary name="deployment">
              {deploymentId ? (
                <DeploymentDetail key={deploymentId} id={deploymentId} />
              ) : (
                <p className="empty-state">
                  Choose a deployment on the left, or deploy a saved strategy from the IDE (Deploy…
                  in its top bar).
                </p>
              )}
            </PanelBoundary>
          </div>
        </section>
        <div className="deployments-page__bottom">
          <PanelBoundary name="execution quality">
            <ExecutionQualityPanel />
          </PanelBoundary>
          <PanelBoundary name="timeline">
            <TimelinePanel selected={deploymentId} deployments={list.data} />
          </PanelBoundary>
        </div>
      </main>
    </div>
  )
}

function StatusFilter({
  value,
  onChange,
}: {
  value: '' | DeploymentStatus
  onChange(value: '' | DeploymentStatus): void
}) {
  const id = useId()
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        Filter by status
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value as '' | DeploymentStatus)}
      >
        {STATUS_FILTERS.map((filter) => (
          <option key={filter.value} value={filter.value}>
            {filter.label}
          </option>
        ))}
      </select>
    </>
  )
}

function DeploymentList({
  polled,
  selected,
}: {
  polled: {
    data: Deployment[] | undefined
    error: string | undefined
    loading: boolean
    fetchedAt: number
  }
  selected: string | undefined
}) {
  const now = useNow(1000)
  if (polled.loading) return <Loading what="deployments" />
  if (!polled.data) {
    return <ErrorBox message={`Could not list deployments: ${polled.error ?? 'no answer'}`} />
  }
  if (polled.data.length === 0) {
    return (
      <p className="muted list-empty" data-testid="deployments-empty">
        No deployments yet. Save a strategy in the IDE, then Deploy… it to a paper or live account.
      </p>
    )
  }
  return (
    <>
      {polled.error && <p className="tone-down">Refreshing failed: {polled.error}</p>}
      <ul className="page-list" data-testid="deployment-list">
        {polled.data.map((deployment) => {
          const age = ageNow(deployment.heartbeatAgeSeconds, polled.fetchedAt, now)
          const live = isLive(deployment.status)
          return (
            <li key={deployment.id}>
              <AppLink
                href={`/deployments/${encodeURIComponent(deployment.id)}`}
                className="page-list__item"
                current={deployment.id === selected}
                testId="deployment-item"
              >
                <span className="deployment-list__top">
                  <strong>
                    {deployment.strategyName} v{deployment.versionNumber}
                  </strong>
                  <StatusBadge status={deployment.status} />
                </span>
                <span className="muted">
                  {deployment.symbol} · {deployment.lots} lots · {deployment.accountName} (
                  {deployment.accountKind})
                </span>
                <span className="deployment-list__beat">
                  {deployment.halted && live && <span className="tone-warn">halted · </span>}
                  <span
                    className={`tone-${live ? heartbeatTone(age, deployment.heartbeatSeconds) : 'muted'}`}
                  >
                    heartbeat {age === null ? 'never' : `${formatAge(age)} ago`}
                  </span>
                </span>
              </AppLink>
            </li>
          )
        })}
      </ul>
    </>
  )
}
