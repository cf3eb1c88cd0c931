// One file per aggregate; drizzle-kit reads this module to generate migrations.
export { users } from './users'
export type { UserRow, NewUserRow } from './users'
export { sessions } from './sessions'
export type { SessionRow, NewSessionRow } from './sessions'
export { loginAttempts } from './login-attempts'
export type { LoginAttemptRow } from './login-attempts'
export { strategies } from './strategies'
export type { StrategyRow, NewStrategyRow } from './strategies'
export { strategyVersions, VERSION_KINDS } from './strategy-versions'
export type { StrategyVersionRow, NewStrategyVersionRow, VersionKind } from './strategy-versions'
export { buildTasks, BUILD_STATUSES } from './build-tasks'
export type { BuildTaskRow, NewBuildTaskRow, BuildStatus } from './build-tasks'
export { datasets } from './datasets'
export type { DatasetRow, NewDatasetRow } from './datasets'
export { datasetBars } from './dataset-bars'
export type { DatasetBarsRow } from './dataset-bars'
export { backtestRuns, BACKTEST_STATUSES } from './backtest-runs'
export type { BacktestRunRow, NewBacktestRunRow, BacktestStatus } from './backtest-runs'
export { backtestResults } from './backtest-results'
export type { BacktestResultRow, NewBacktestResultRow } from './backtest-results'
export { robotEvents } from './robot-events'
export type { RobotEventRow, NewRobotEventRow } from './robot-events'
export { shareLinks } from './share-links'
export type { ShareLinkRow } from './share-links'
export { tradingAccounts, TRADING_ACCOUNT_KINDS, MARGIN_MODES } from './trading-accounts'
export type {
  TradingAccountRow,
  NewTradingAccountRow,
  TradingAccountKind,
  MarginMode,
  AccountSymbol,
} from './trading-accounts'
export { guardrails, accountDays, DAILY_LOSS_KINDS } from './guardrails'
export type { GuardrailsRow, NewGuardrailsRow, AccountDayRow, DailyLossKind } from './guardrails'
export { killSwitches, KILL_SWITCH_STATES } from './kill-switches'
export type { KillSwitchRow, KillSwitchState } from './kill-switches'
export {
  deployments,
  deploymentPhases,
  deploymentCommands,
  DEPLOYMENT_STATUSES,
  DEPLOYMENT_PHASES,
  PHASE_STATUSES,
  HALT_REASONS,
  EA_COMMANDS,
} from './deployments'
export type {
  DeploymentRow,
  NewDeploymentRow,
  DeploymentPhaseRow,
  DeploymentCommandRow,
  DeploymentStatus,
  DeploymentPhase,
  PhaseStatus,
  PhaseCheck,
  HaltReason,
  EaCommand,
  PaperFeed,
} from './deployments'
export { tradeLogs } from './trade-logs'
export type { TradeLogRow, NewTradeLogRow } from './trade-logs'
