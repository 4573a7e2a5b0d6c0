import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * How to start a worker thread on the module `name` beside the caller
 * (`callerUrl`, the caller's `import.meta.url`). In the compiled build the
 * worker is `dist/<name>.js`, beside the entry bundles; the caller may sit in
 * `dist/chunks/`. Run from source, loader hooks are not inherited by workers:
 * the worker registers tsx itself, then loads the TypeScript module.
 */
export function workerBoot(callerUrl: string, name: string): { script: string | URL; eval: boolean } {
  if (!callerUrl.endsWith('.ts')) {
    const beside = new URL(`./${name}.js`, callerUrl)
    return { script: existsSync(fileURLToPath(beside)) ? beside : new URL(`../${name}.js`, callerUrl), eval: false }
  }
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const module = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href)
  return { script: `import(${tsx}).then(({ register }) => { register(); return import(${module}) })`, eval: true }
}
