import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { PROJECT_ROOT } from '../server/config.js'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/infra/embedded-postgres.js'
import { buildIsFresh, buildServer } from '../server/infra/build.js'
import { runMigrations } from '../server/infra/migrate.js'
import { freePort } from '../server/infra/ports.js'
import { TEMPLATE_DATABASE } from './helpers/db.js'

/**
 * `npm test`: the web build the browser tests load, the server build the CLI and
 * server-process tests run, one real PostgreSQL with a
 * migrated template database, then every tap test file in parallel (each on its
 * own copy of the template; `jobs` in package.json's tap section), with type
 * checks, lint and the formatter check running beside them. Ends with the line
 * `N passed, N failed` that CI reads.
 *
 * `npm test -- test/some.test.ts` runs only those files and skips the checks.
 * TEST_DATABASE_URL=postgres://… uses an existing server instead of the embedded one.
 */

interface Counts {
  passed: number
  failed: number
  skipped: number
}

const args = process.argv.slice(2)
const onlySomeFiles = args.some((arg) => !arg.startsWith('-'))

function step(title: string, command: string, commandArgs: string[]): boolean {
  process.stdout.write(`\n▶ ${title}\n`)
  const result = spawnSync(command, commandArgs, { cwd: PROJECT_ROOT, stdio: 'inherit' })
  const ok = result.status === 0
  process.stdout.write(ok ? `✔ ${title}\n` : `✘ ${title} failed\n`)
  return ok
}

/** A check run beside the tests (they mostly wait on PostgreSQL and Chromium); its output is printed when it ends. */
function backgroundStep(
  title: string,
  command: string,
  commandArgs: string[],
): Promise<{ ok: boolean; report: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.on('close', (code) => {
      const ok = code === 0
      resolve({ ok, report: `\n▶ ${title}\n${output}${ok ? `✔ ${title}` : `✘ ${title} failed`}\n` })
    })
  })
}

/** Type checks, lint and the formatter check, one after another, in the background. */
async function runChecks(): Promise<{ passed: number; failed: number; report: string }> {
  const bin = (name: string) => path.join(PROJECT_ROOT, 'node_modules', '.bin', name)
  const checks: [string, string, string[]][] = [
    ['type check (server, shared, tests)', bin('tsc'), ['-p', 'tsconfig.json']],
    ['type check (web)', bin('tsc'), ['-p', 'web/tsconfig.json']],
    ['type check (web build config)', bin('tsc'), ['-p', 'web/tsconfig.node.json']],
    ['lint', bin('eslint'), ['--max-warnings=0', '.']],
    ['format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ]
  const result = { passed: 0, failed: 0, report: '' }
  for (const [title, command, commandArgs] of checks) {
    const { ok, report } = await backgroundStep(title, command, commandArgs)
    if (ok) result.passed++
    else result.failed++
    result.report += report
  }
  return result
}

function buildWebIfStale(): boolean {
  const check = spawnSync(process.execPath, ['--import', 'tsx', 'server/infra/web-build-check.ts'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  })
  if (check.status === 0) return true
  return step('web build', path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vite'), [
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ])
}

async function prepareDatabase(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  let embedded: EmbeddedDatabase | undefined
  let dataDir: string | undefined
  let serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    dataDir = path.join(os.tmpdir(), `mtb-test-${process.pid}-${Date.now()}`)
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 })
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() })
    serverUrl = embedded.url
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists "${TEMPLATE_DATABASE}" with (force)`)
  await admin.unsafe(`create database "${TEMPLATE_DATABASE}"`)
  await admin.end()
  const templateUrl = new URL(serverUrl)
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`
  await runMigrations(templateUrl.toString())
  return {
    serverUrl,
    stop: async () => {
      await embedded?.stop()
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Streams tap's output through and reads its closing `# { total, pass, fail, skip }` line. */
function runTap(serverUrl: string): Promise<Counts & { exitCode: number }> {
  return new Promise((resolve) => {
    const files = onlySomeFiles ? [] : ['test/**/*.test.ts']
    const child = spawn(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tap'), [...files, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TEST_DATABASE_URL: serverUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let tail = ''
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk)
      tail = (tail + chunk.toString('utf8')).slice(-4000)
    })
    child.on('close', (code) => {
      const summary = /# \{([^}]*)\}\s*(?:# time=.*)?\s*$/.exec(tail.trimEnd())?.[1] ?? ''
      const read = (key: string) => Number(new RegExp(`\\b${key}: (\\d+)`).exec(summary)?.[1] ?? 0)
      const counts = { passed: read('pass'), failed: read('fail'), skipped: read('skip') + read('todo') }
      resolve({ ...counts, exitCode: code ?? 1 })
    })
  })
}

/** The compiled server (`dist/`) that the CLI and server-process tests run, as production does. */
async function buildServerIfStale(): Promise<boolean> {
  if (buildIsFresh()) return true
  process.stdout.write('\n▶ server build\n')
  try {
    await buildServer()
    process.stdout.write('✔ server build\n')
    return true
  } catch (error) {
    process.stdout.write(`✘ server build failed: ${String(error)}\n`)
    return false
  }
}

async function main(): Promise<number> {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 }
  for (const built of [buildWebIfStale(), await buildServerIfStale()])
    if (built) counts.passed++
    else counts.failed++
  const checks = onlySomeFiles ? undefined : runChecks()
  if (checks) process.stdout.write('\n▶ type checks, lint and format run beside the tests; their output follows them\n')
  process.stdout.write('\n▶ tests\n')
  const database = await prepareDatabase()
  try {
    const tap = await runTap(database.serverUrl)
    counts.passed += tap.passed
    counts.failed += tap.failed
    counts.skipped += tap.skipped
    if (tap.exitCode !== 0 && tap.failed === 0) counts.failed++
  } finally {
    await database.stop()
  }
  if (checks) {
    const { passed, failed, report } = await checks
    process.stdout.write(report)
    counts.passed += passed
    counts.failed += failed
  }
  process.stdout.write(
    `\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}\n`,
  )
  return counts.failed === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.stdout.write('\n0 passed, 1 failed\n')
    process.exit(1)
  },
)
