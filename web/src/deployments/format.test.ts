import { describe, expect, it } from 'vitest'
import type { DeploymentCommand, DeploymentPhase } from '../api/deployments'
import {
  ageNow,
  commandState,
  eventSummary,
  failureText,
  formatAge,
  heartbeatTone,
  phaseSteps,
  statusLabel,
} from './format'

function phase(partial: Partial<DeploymentPhase> & Pick<DeploymentPhase, 'phase' | 'status'>) {
  return {
    startedAt: '2026-01-05T10:00:00.000Z',
    finishedAt: null,
    reason: null,
    checks: [],
    details: {},
    ...partial,
  } satisfies DeploymentPhase
}

describe('heartbeat age', () => {
  it('formats seconds, minutes, hours and days', () => {
    expect(formatAge(null)).toBe('never')
    expect(formatAge(0.4)).toBe('now')
    expect(formatAge(12.9)).toBe('12 s')
    expect(formatAge(60)).toBe('1 min')
    expect(formatAge(185)).toBe('3 min 5 s')
    expect(formatAge(2 * 3600 + 4 * 60 + 9)).toBe('2 h 4 min')
    expect(formatAge(3 * 86_400 + 3600)).toBe('3 d 1 h')
  })

  it('ticks from the server age by the time since the answer', () => {
    expect(ageNow(4, 10_000, 13_500)).toBe(7.5)
    expect(ageNow(4, 10_000, 9_000)).toBe(4) // a clock step backwards never makes it younger
    expect(ageNow(null, 10_000, 13_500)).toBeNull()
  })

  it('turns late before STALE and lost after', () => {
    expect(heartbeatTone(9, 5)).toBe('up')
    expect(heartbeatTone(11, 5)).toBe('warn')
    expect(heartbeatTone(59, 5)).toBe('warn')
    expect(heartbeatTone(60, 5)).toBe('down')
    expect(heartbeatTone(100, 30)).toBe('warn') // 4 × 30 s = 120 s
    expect(heartbeatTone(null, 5)).toBe('muted')
  })
})

describe('phase progress', () => {
  it('marks phases without records pending while nothing failed', () => {
    const steps = phaseSteps({ phases: [phase({ phase: 'preflight', status: 'running' })] })
    expect(steps.map((step) => [step.label, step.state])).toEqual([
      ['Validating', 'running'],
      ['Handing off', 'pending'],
      ['Confirming', 'pending'],
    ])
  })

  it('skips the phases after a failure and reports its reason', () => {
    const deployment = {
      statusReason: 'Lot 0.25 is not a multiple of 0.1',
      phases: [
        phase({
          phase: 'preflight',
          status: 'failed',
          checks: [
            { check: 'kill_switch', ok: true, message: 'Kill switch is off' },
            { check: 'lot_step', ok: false, message: 'Lot 0.25 is not a multiple of 0.1' },
          ],
        }),
      ],
    }
    expect(phaseSteps(deployment).map((step) => step.state)).toEqual([
      'failed',
      'skipped',
      'skipped',
    ])
    expect(failureText(deployment)).toBe('Lot 0.25 is not a multiple of 0.1')
  })

  it('prefers the newest record of a phase and the phase reason', () => {
    const deployment = {
      statusReason: null,
      phases: [
        phase({ phase: 'preflight', status: 'passed' }),
        phase({ phase: 'handoff', status: 'passed' }),
        phase({ phase: 'confirmation', status: 'running' }),
        phase({
          phase: 'confirmation',
          status: 'failed',
          startedAt: '2026-01-05T10:15:00.000Z',
          reason: 'No ready/heartbeat from the EA within 15 minutes',
        }),
      ],
    }
    expect(phaseSteps(deployment).map((step) => step.state)).toEqual(['passed', 'passed', 'failed'])
    expect(failureText(deployment)).toBe('No ready/heartbeat from the EA within 15 minutes')
    expect(failureText({ statusReason: null, phases: [] })).toBeNull()
  })
})

describe('labels', () => {
  it('names statuses and command states', () => {
    expect(statusLabel('AWAITING_EA')).toBe('Awaiting EA')
    expect(statusLabel('ACTIVE')).toBe('Active')
    const command: DeploymentCommand = {
      commandId: 3,
      command: 'close_all',
      source: 'kill_switch',
      reason: 'panic',
      issuedAt: '2026-01-05T10:00:00.000Z',
      sentAt: null,
      ackedAt: null,
      ackResult: null,
      ackMessage: null,
    }
    expect(commandState(command).text).toBe('queued for the next heartbeat')
    expect(commandState({ ...command, sentAt: command.issuedAt }).text).toBe('sent, awaiting ack')
    expect(
      commandState({
        ...command,
        sentAt: command.issuedAt,
        ackedAt: command.issuedAt,
        ackResult: 'done',
      }),
    ).toEqual({ text: 'acknowledged (done)', tone: 'up' })
    expect(commandState({ ...command, ackedAt: command.issuedAt, ackResult: 'failed' }).tone).toBe(
      'down',
    )
  })
})

describe('timeline summaries', () => {
  it('prefers the message, then the reason, else lists simple facts', () => {
    expect(
      eventSummary({ type: 'HALTED', metadata: { message: 'Kill switch: panic', reason: 'x' } }),
    ).toBe('Kill switch: panic')
    expect(
      eventSummary({
        type: 'HALTED',
        metadata: { reason: '  ', symbol: 'EURUSD', volume: 0.1, nested: {} },
      }),
    ).toBe('symbol EURUSD · volume 0.1')
    expect(eventSummary({ type: 'HALTED', metadata: {} })).toBe('')
    expect(
      eventSummary({
        type: 'DEPLOYED',
        metadata: { lots: 0.1, codeHash: 'abc', versionId: 'x', readyAt: 'y', symbol: 'EURUSD' },
      }),
    ).toBe('lots 0.1 · symbol EURUSD')
  })

  it('describes a deal', () => {
    const deal = {
      deal: '3',
      symbol: 'EURUSD',
      type: 'sell',
      entry: 'out',
      reason: 'sl',
      volume: 0.1,
      price: 1.0801,
      profit: -12,
      commission: -0.3,
      swap: 0,
      fee: 0,
    }
    expect(eventSummary({ type: 'TRADE_EXECUTED', metadata: deal })).toBe(
      `sell out 0.1 EURUSD at 1.0801 · deal 3 · by sl · result ${(-12.3).toLocaleString(undefined, { minimumFractionDigits: 2 })}`,
    )
    expect(
      eventSummary({
        type: 'TRADE_EXECUTED',
        metadata: { ...deal, entry: 'in', reason: 'expert', type: 'buy', profit: 0 },
      }),
    ).toBe('buy in 0.1 EURUSD at 1.0801 · deal 3')
  })
})
