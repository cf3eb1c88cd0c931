/**
 * Starts the real Tradeloom server (`npx tsx server/src/main.ts`, as the server package documents) for the
 * Playwright run on a fresh, temporary PGlite directory, and deletes that directory when the
 * server exits. PORT and DATABASE_URL pass through, so CI can point the same test at PostgreSQL.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const dataDir = mkdtempSync(join(tmpdir(), 'tradeloom-e2e-'))
const database = process.env.DATABASE_URL ? 'DATABASE_URL' : `PGlite in ${dataDir}`
console.log(`[e2e] starting the server on port ${process.env.PORT ?? '8787'} (${database})`)

// One node process (tsx as a loader, not as a wrapper) so signals reach the server directly.
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, TRADELOOM_DATA_DIR: dataDir },
})

// Playwright signals the whole process group, so the server usually has the signal already;
// forward it only if the server is still running a moment later (e.g. `kill <this pid>`).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    setTimeout(() => server.exitCode === null && server.kill(signal), 2000).unref()
  })
}

server.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true })
  process.exit(code ?? (signal ? 1 : 0))
})
