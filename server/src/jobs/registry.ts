import { backtestJob } from '../backtests/backtest-job'
import type { JobDefinition } from './job-definition'

/** Every job kind the workers run; a new kind is one line here plus its file. */
export const jobDefinitions: readonly JobDefinition<unknown>[] = [backtestJob]
