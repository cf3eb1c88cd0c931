import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { runtimeDts } from './vite-plugin-runtime-dts'

// The API server listens on 8787 by default; `npm run dev` proxies /api to it so the browser
// talks to one origin, exactly as it does in production where the server serves web/dist.
const API_TARGET = process.env.TRADELOOM_API_URL ?? 'http://127.0.0.1:8787'

export default defineConfig({
  plugins: [react(), runtimeDts()],
  server: {
    port: 5173,
    proxy: { '/api': { target: API_TARGET, changeOrigin: true } },
  },
  preview: {
    proxy: { '/api': { target: API_TARGET, changeOrigin: true } },
  },
  // Module workers: the preview worker and Monaco's workers import ES modules and share chunks.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco alone is several MB; the warning would only repeat that.
    chunkSizeWarningLimit: 6000,
  },
})
