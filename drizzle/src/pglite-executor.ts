import type { PGlite } from '@electric-sql/pglite'

/**
 * The one method pg-boss needs from a database (its `db` constructor option). node-postgres
 * pools have it natively; PGlite gets it from `createPgliteExecutor`.
 */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

/**
 * Adapts PGlite to pg-boss. pg-boss sends its schema creation and migrations as one string of
 * many statements without parameters, which the extended protocol behind `PGlite.query` rejects,
 * so parameterless calls go through `exec` (simple protocol) and return the last statement's rows.
 * PGlite already serialises calls on its single connection, so no extra queue is needed.
 */
export function createPgliteExecutor(client: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values !== undefined && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values)
        return { rows: result.rows }
      }
      try {
        const results = await client.exec(text)
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] }
      } catch (error) {
        // A failed statement inside the string's own BEGIN…COMMIT leaves PGlite's only connection
        // in an aborted transaction; roll it back so the next caller does not inherit it.
        if (client.isInTransaction()) await client.exec('ROLLBACK')
        throw error
      }
    },
  }
}
