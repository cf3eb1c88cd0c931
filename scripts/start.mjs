#!/usr/bin/env node
// `npm start`: build the web app when its sources changed, then start the server, which applies
// migrations, starts the job workers and serves the API and the web app on one port.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(fileURLToPath(import.meta.url), '..', '..')
const WEB_INPUTS = ['web/src', 'web/index.html', 'web/vite.config.ts', 'compiler/src', 'runtime/src', 'mql5-templates/src']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs)
}

const builtAt = newestMtime(join(root, 'web/dist/index.html'))
const sourcesAt = Math.max(...WEB_INPUTS.map((p) => newestMtime(join(root, p))))
if (builtAt < sourcesAt) {
  console.log('Building the web app (web/dist)…')
  const build = spawnSync('npm', ['run', 'build', '-w', '@tradeloom/web'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawn(join(root, 'node_modules/.bin/tsx'), ['server/src/main.ts'], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
