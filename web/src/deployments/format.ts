import type {
  Deployment,
  DeploymentCommand,
  DeploymentPhase,
  DeploymentStatus,
  HaltReason,
  PhaseName,
  TimelineEvent,
} from '../api/deployments'

/** "now", "12 s", "3 min 5 s", "2 h 4 min", "3 d 1 h"; "never" without a heartbeat. */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return 'never'
  const s = Math.max(0, Math.floor(seconds))
  if (s < 1) return 'now'
  if (s < 60) return `${s} s`
  if (s < 3600) {
    const rest = s % 60
    return rest === 0 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 60)} min ${rest} s`
  }
  if (s < 86_400) {
    const minutes = Math.floor((s % 3600) / 60)
    return minutes === 0 ? `${Math.floor(s / 3600)} h` : `${Math.floor(s / 3600)} h ${minutes} min`
  }
  const hours = Math.floor((s % 86_400) / 3600)
  return hours === 0 ? `${Math.floor(s / 86_400)} d` : `${Math.floor(s / 86_400)} d ${hours} h`
}

/**
 * The heartbeat age now: the server's age when it answered plus the time since, so the number
 * ticks between polls and a skewed browser clock does not shift it.
 */
export function ageNow(
  ageAtFetch: number | null | undefined,
  fetchedAtMs: number,
  nowMs: number,
): number | null {
  if (ageAtFetch === null || ageAtFetch === undefined) return null
  return ageAtFetch + Math.max(0, nowMs - fetchedAtMs) / 1000
}

export type Tone = 'up' | 'warn' | 'down' | 'muted' | 'accent'

/**
 * How worrying a heartbeat age is: fine within two intervals, late until the server would call
 * it STALE (max(60 s, 4 × interval)), then lost.
 */
export function heartbeatTone(age: number | null, heartbeatSeconds: number): Tone {
  if (age === null) return 'muted'
  if (age <= 2 * heartbeatSeconds) return 'up'
  if (age < Math.max(60, 4 * heartbeatSeconds)) return 'warn'
  return 'down'
}

const STATUS_TONES: Record<DeploymentStatus, Tone> = {
  PENDING: 'muted',
  VALIDATING: 'accent',
  AWAITING_EA: 'accent',
  ACTIVE: 'up',
  STALE: 'warn',
  STOPPING: 'warn',
  STOPPED: 'muted',
  FAILED: 'down',
}

/** The colour of a status badge. */
export function statusTone(status: DeploymentStatus): Tone {
  return STATUS_TONES[status] ?? 'muted'
}

/** "AWAITING_EA" → "Awaiting EA". */
export function statusLabel(status: DeploymentStatus): string {
  return status === 'AWAITING_EA' ? 'Awaiting EA' : status[0] + status.slice(1).toLowerCase()
}

const HALT_LABELS: Record<HaltReason, string> = {
  kill_switch: 'Kill switch',
  daily_loss: 'Daily loss limit',
  correlation: 'Correlation limit',
  max_positions: 'Maximum positions',
  user: 'Halted by you',
  stop: 'Stopping',
}

/** A halt reason in words. */
export function haltReasonLabel(reason: string): string {
  return HALT_LABELS[reason as HaltReason] ?? reason.replaceAll('_', ' ')
}

/** The three phases in order, with the names the progress shows. */
export const PHASE_STEPS: readonly { phase: PhaseName; label: string }[] = [
  { phase: 'preflight', label: 'Validating' },
  { phase: 'handoff', label: 'Handing off' },
  { phase: 'confirmation', label: 'Confirming' },
]

export type StepState = 'pending' | 'running' | 'passed' | 'failed' | 'skipped'

export interface PhaseStep {
  phase: PhaseName
  label: string
  state: StepState
  record: DeploymentPhase | undefined
}

/**
 * The progress row: each phase's newest record decides its state; a phase without a record is
 * `pending`, or `skipped` once an earlier phase failed (it will never run).
 */
export function phaseSteps(deployment: Pick<Deployment, 'phases'>): PhaseStep[] {
  let failedBefore = false
  return PHASE_STEPS.map(({ phase, label }) => {
    const records = deployment.phases.filter((record) => record.phase === phase)
    const record = records.reduce<DeploymentPhase | undefined>(
      (newest, candidate) =>
        newest === undefined || candidate.startedAt >= newest.startedAt ? candidate : newest,
      undefined,
    )
    const state: StepState = record ? record.status : failedBefore ? 'skipped' : 'pending'
    if (state === 'failed') failedBefore = true
    return { phase, label, state, record }
  })
}

/** The failing phase's reason (or the first failed check), for the error box. */
export function failureText(
  deployment: Pick<Deployment, 'phases' | 'statusReason'>,
): string | null {
  const failed = phaseSteps(deployment).find((step) => step.state === 'failed')
  if (!failed) return null
  return (
    failed.record?.reason ??
    failed.record?.checks.find((check) => !check.ok)?.message ??
    deployment.statusReason ??
    `${failed.label} failed`
  )
}

/** Where a command is: waiting to ride a heartbeat, sent, or acknowledged with its result. */
export function commandState(command: DeploymentCommand): { text: string; tone: Tone } {
  if (command.ackedAt) {
    const failed = command.ackResult === 'failed'
    return {
      text: failed ? 'failed' : `acknowledged${command.ackResult ? ` (${command.ackResult})` : ''}`,
      tone: failed ? 'down' : 'up',
    }
  }
  if (command.sentAt) return { text: 'sent, awaiting ack', tone: 'warn' }
  return { text: 'queued for the next heartbeat', tone: 'muted' }
}

const COMMAND_LABELS: Record<string, string> = {
  run: 'Run',
  halt: 'Halt',
  close_all: 'Close all & halt',
  resume: 'Resume',
}

/** A command in words. */
export function commandLabel(command: string): string {
  return COMMAND_LABELS[command] ?? command
}

/** Statuses whose EA may still run: halt/resume/stop make sense. */
export function isLive(status: DeploymentStatus): boolean {
  return (
    status === 'AWAITING_EA' || status === 'ACTIVE' || status === 'STALE' || status === 'STOPPING'
  )
}

/** Money with two decimals and the currency code; "—" when unknown. */
export function formatMoney(value: number | null | undefined, currency = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const text = value.toLocaleString(undefined, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })
  return currency ? `${text} ${currency}` : text
}

/** A number with at most `digits` decimals; "—" when unknown. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return value.toLocaleString(undefined, { maximumFractionDigits: digits })
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

/** A timestamp for people; "—" when missing. */
export function formatTime(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? String(iso) : when.format(date)
}

/** The words an event carries for people: its message or reason, else its known facts. */
export function eventSummary(event: Pick<TimelineEvent, 'type' | 'metadata'>): string {
  const meta = event.metadata
  if (event.type === 'TRADE_EXECUTED') return dealSummary(meta)
  for (const key of ['message', 'reason', 'statusReason', 'note']) {
    const value = meta[key]
    if (typeof value === 'string' && value.trim() !== '') return value
  }
  // Ids, hashes and timestamps are for machines; the event's own time is shown beside it.
  const facts = Object.entries(meta)
    .filter(([key]) => !/(Id|Hash|At)$/.test(key))
    .filter(
      ([, value]) =>
        ['number', 'boolean'].includes(typeof value) ||
        (typeof value === 'string' && value.trim() !== '' && value.length <= 60),
    )
    .slice(0, 5)
    .map(([key, value]) => `${key} ${String(value)}`)
  return facts.join(' · ')
}

/** "buy in 0.1 EURUSD at 1.08512 · deal 3 · by sl · result −12.30" from a deal's event. */
function dealSummary(meta: Record<string, unknown>): string {
  const text = (key: string) =>
    meta[key] === undefined || meta[key] === null ? '' : String(meta[key])
  const result = ['profit', 'commission', 'swap', 'fee']
    .map((key) => (typeof meta[key] === 'number' ? (meta[key] as number) : 0))
    .reduce((sum, value) => sum + value, 0)
  const parts = [
    `${text('type')} ${text('entry')} ${text('volume')} ${text('symbol')} at ${text('price')}`.trim(),
    meta.deal === undefined ? '' : `deal ${text('deal')}`,
    meta.reason && meta.reason !== 'expert' ? `by ${text('reason')}` : '',
    meta.entry === 'in' ? '' : `result ${formatMoney(result)}`,
  ]
  return parts.filter((part) => part !== '').join(' · ')
}
