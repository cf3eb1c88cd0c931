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
  sessions,
  loginAttempts,
  strategies,
  strategyVersions,
  VERSION_KINDS,
  buildTasks,
  BUILD_STATUSES,
  datasets,
  datasetBars,
  backtestRuns,
  BACKTEST_STATUSES,
  backtestResults,
  robotEvents,
  shareLinks,
} from './schema/index'
export type {
  UserRow,
  NewUserRow,
  SessionRow,
  NewSessionRow,
  LoginAttemptRow,
  StrategyRow,
  NewStrategyRow,
  StrategyVersionRow,
  NewStrategyVersionRow,
  VersionKind,
  BuildTaskRow,
  NewBuildTaskRow,
  BuildStatus,
  DatasetRow,
  NewDatasetRow,
  DatasetBarsRow,
  BacktestRunRow,
  NewBacktestRunRow,
  BacktestStatus,
  BacktestResultRow,
  NewBacktestResultRow,
  RobotEventRow,
  NewRobotEventRow,
  ShareLinkRow,
} from './schema/index'
