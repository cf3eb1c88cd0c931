// Test support for packages whose suites need a real database (drizzle, server).
export { databaseTargets } from './database-targets'
export type { DatabaseTarget, TestDatabase } from './database-targets'
