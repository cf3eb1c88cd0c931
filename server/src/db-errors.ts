/**
 * True when a database error (possibly wrapped by drizzle, which puts the driver's error in
 * `cause`) is a unique-constraint violation, SQLSTATE 23505, on PostgreSQL and PGlite alike.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === '23505') return true
  }
  return false
}
