import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'

// Run from the repository root (`npx vite --config web/vite.config.ts`), so every
// path is resolved against this file rather than the working directory.
const webRoot = fileURLToPath(new URL('.', import.meta.url))
const apiServer = 'http://127.0.0.1:3000'

const proxy: Record<string, ProxyOptions> = {
  '/api': { target: apiServer, ws: true },
  '/health': { target: apiServer },
  '/docs': { target: apiServer },
}

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: { proxy },
  preview: { proxy },
})
