import type { Deployment } from '../api/deployments'
import { failureText, formatTime, phaseSteps } from './format'
import type { StepState } from './format'
import { ErrorBox } from './ui'

const STATE_WORDS: Record<StepState, string> = {
  pending: 'not started',
  running: 'in progress',
  passed: 'passed',
  failed: 'failed',
  skipped: 'not run',
}

const MARKS: Record<StepState, string> = {
  pending: '○',
  running: '◔',
  passed: '✓',
  failed: '✗',
  skipped: '–',
}

const CHECK_NAMES: Record<string, string> = {
  kill_switch: 'Kill switch',
  guardrails: 'Guardrails',
  compiles: 'Compiles',
  symbol: 'Symbol',
  lot_min_max: 'Lot within limits',
  lot_step: 'Lot step',
  terminal: 'Terminal',
}

/** Hand-off and confirmation facts worth showing (hashes shortened, times formatted). */
function detailLines(details: Record<string, unknown>): [string, string][] {
  const lines: [string, string][] = []
  for (const [key, value] of Object.entries(details)) {
    if (value === null || value === undefined || typeof value === 'object') continue
    const text = String(value)
    lines.push([key, /hash$/i.test(key) && text.length > 16 ? `${text.slice(0, 16)}…` : text])
  }
  return lines
}

/**
 * "Validating → Handing off → Confirming": each phase's state, its check lines, and the failing
 * phase's reason in an alert.
 */
export function PhaseProgress({ deployment }: { deployment: Deployment }) {
  const steps = phaseSteps(deployment)
  const failure = failureText(deployment)
  // The check lines matter while the deployment is getting there or has failed; once the EA runs
  // they fold away (one click shows them again).
  const settled = steps.every((step) => step.state === 'passed')
  return (
    <section className="phases" aria-labelledby="phases-title">
      <h3 id="phases-title">Progress</h3>
      <ol className="phases__steps" data-testid="phase-progress">
        {steps.map((step) => (
          <li
            key={step.phase}
            className={`phases__step is-${step.state}`}
            data-phase={step.phase}
            data-state={step.state}
            aria-label={`${step.label}: ${STATE_WORDS[step.state]}`}
          >
            <span className="phases__mark" aria-hidden="true">
              {MARKS[step.state]}
            </span>
            <span className="phases__label">{step.label}</span>
            <span className="phases__state">{STATE_WORDS[step.state]}</span>
          </li>
        ))}
      </ol>
      {failure && <ErrorBox message={failure} />}
      <details className="phases__more" open={!settled}>
        <summary>Phase details</summary>
        <div className="phases__details">
          {steps
            .filter((step) => step.record)
            .map((step) => {
              const record = step.record!
              const facts = detailLines(record.details)
              return (
                <div key={step.phase} className="phases__detail">
                  <h4>
                    {step.label}{' '}
                    <span className="muted">
                      {formatTime(record.startedAt)}
                      {record.finishedAt ? ` → ${formatTime(record.finishedAt)}` : ''}
                    </span>
                  </h4>
                  {record.checks.length > 0 && (
                    <ul className="checks" aria-label={`${step.label} checks`}>
                      {record.checks.map((check) => (
                        <li
                          key={check.check}
                          className={check.ok ? 'tone-up' : 'tone-down'}
                          data-check={check.check}
                        >
                          <span aria-hidden="true">{check.ok ? '✓' : '✗'}</span>{' '}
                          <strong>{CHECK_NAMES[check.check] ?? check.check}</strong>
                          <span className="sr-only">{check.ok ? ' passed' : ' failed'}</span>:{' '}
                          <span className="checks__message">{check.message}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {facts.length > 0 && (
                    <dl className="facts facts--kv">
                      {facts.map(([key, value]) => (
                        <div key={key}>
                          <dt>{key}</dt>
                          <dd title={String(record.details[key])}>{value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </div>
              )
            })}
        </div>
      </details>
    </section>
  )
}
