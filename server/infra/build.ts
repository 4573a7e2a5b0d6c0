import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { PROJECT_ROOT } from '../config.js'

/**
 * The production build of the server: `dist/server.js` (what `npm start`
 * runs), `dist/cli.js` and the worker threads' `dist/*.worker.js`, each one
 * JavaScript file with its sources bundled in and the packages of
 * node_modules left as imports. Nothing runs TypeScript at run time.
 *
 * `--if-stale` builds only when a source is newer than the build.
 */
export const DIST = path.join(PROJECT_ROOT, 'dist')

const ENTRIES = {
  server: 'server/server.ts',
  cli: 'server/cli.ts',
  'solve.worker': 'server/features/schedules/solve.worker.ts',
  'probe.worker': 'server/scheduling/probe.worker.ts',
}
const SOURCES = ['server', 'shared', 'seeds', 'package.json']

function newestChange(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(target).map((entry) => newestChange(path.join(target, entry))))
}

/** Whether every output exists and is newer than every source. */
export function buildIsFresh(): boolean {
  const outputs = Object.keys(ENTRIES).map((name) => path.join(DIST, `${name}.js`))
  if (!outputs.every(existsSync)) return false
  const oldest = Math.min(...outputs.map((file) => statSync(file).mtimeMs))
  return oldest >= Math.max(...SOURCES.map((source) => newestChange(path.join(PROJECT_ROOT, source))))
}

/** `extra`: more entries built beside the server's (a benchmark's own server script), sharing its chunks. */
export async function buildServer(extra: Record<string, string> = {}): Promise<void> {
  await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { ...ENTRIES, ...extra },
    outdir: DIST,
    bundle: true,
    // Code a command or the server loads only when needed goes into chunks of its own.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20.11',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ifStale = process.argv.includes('--if-stale')
  if (!ifStale || !buildIsFresh()) {
    const started = performance.now()
    await buildServer()
    console.error(`built the server into dist/ in ${Math.round(performance.now() - started)} ms`)
  }
}
