// Opening the database
export { createDb } from './create-db'
export type { Db, DatabaseHandle, JobConnection, PgliteHandle, PostgresHandle } from './create-db'
export { resolveDbConfig, DEFAULT_DATA_DIR } from './resolve-db-config'
export type { CreateDbOptions, DbConfig } from './resolve-db-config'
export { applyMigrations, MIGRATIONS_FOLDER } from './apply-migrations'
export type { ApplyMigrationsOptions } from './apply-migrations'
export { createPgliteExecutor } from './pglite-executor'
export type { SqlExecutor } from './pglite-executor'

// Schema: one table per aggregate
export {
  users,
  strategies,
  strategyVersions,
  backtestRuns,
  BACKTEST_STATUSES,
} from './schema/index'
export type {
  UserRow,
  NewUserRow,
  StrategyRow,
  NewStrategyRow,
  StrategyVersionRow,
  NewStrategyVersionRow,
  BacktestRunRow,
  NewBacktestRunRow,
  BacktestStatus,
} from './schema/index'
