import { defineConfig } from 'drizzle-kit'

// `npx drizzle-kit generate` (run in drizzle/) diffs the schema against migrations/ and writes
// the next SQL file. Generation needs no database, so no credentials live here.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
})
