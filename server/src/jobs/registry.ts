import { backtestJob } from '../backtests/backtest-job'
import { buildJob } from '../builds/build-job'
import { deploymentsWatchdogJob } from '../deployments/watchdog'
import { dayRolloverJob } from '../guardrails/day-rollover-job'
import { paperTerminalJob } from '../paper/start'
import type { JobDefinition } from './job-definition'

/** Every job kind the workers run; a new kind is one line here plus its file. */
export const jobDefinitions: readonly JobDefinition<unknown>[] = [
  backtestJob as JobDefinition<unknown>,
  buildJob as JobDefinition<unknown>,
  dayRolloverJob as JobDefinition<unknown>,
  deploymentsWatchdogJob as JobDefinition<unknown>,
  paperTerminalJob as JobDefinition<unknown>,
]
