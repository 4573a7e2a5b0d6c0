import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkSchedule } from '../../server/scheduling/check.js'
import { solveGreedy } from '../../server/scheduling/greedy.js'
import { parseInstance } from '../../server/scheduling/instance.js'
import { solve, type SolveResult } from '../../server/scheduling/solve.js'
import { loadReferences, type Reference } from './reference.js'

/**
 * Scheduler benchmark on the B2BSP instances of Bofill et al. (JAIR 2022):
 * per instance the solver beside the first-fit baseline, the paper's proven
 * optimum and the gap, every schedule validated by our checker and by
 * shared/b2bsp/check_schedule.mjs when present; then the goal figures.
 *
 *   node --import tsx bench/scheduling/run.ts [FOLDER] [--time-limit 10] [--fairness 2] [--seed 1] [--threads 2] [--only NAME]
 *     [--planted-time-limit 60 | --no-planted]
 *
 * Then, beside that table, the planted large events of planted.ts (generate_planted.py beside FOLDER).
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'time-limit': { type: 'string', default: '10' },
    fairness: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    threads: { type: 'string', default: '2' },
    only: { type: 'string' },
    'planted-time-limit': { type: 'string', default: '60' },
    'no-planted': { type: 'boolean', default: false },
  },
})
const folder = path.resolve(ROOT, positionals[0] ?? '../shared/b2bsp/json')
const fairness = Number(values.fairness)
const timeLimitMs = Number(values['time-limit']) * 1000
const seed = Number(values.seed)
const threads = Number(values.threads)
const externalChecker = path.join(folder, '..', 'check_schedule.mjs')
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'b2bsp-bench-'))

interface Row {
  name: string
  meetings: number
  result: SolveResult
  greedy: { scheduled: number; breaks: number }
  reference: Reference | undefined
  checks: string
}

/** Runs check_schedule.mjs as its README says; returns its breaks, or an error. */
function externalCheck(instanceFile: string, result: SolveResult): { ok: boolean; breaks: number } | null {
  if (!fs.existsSync(externalChecker)) return null
  const solutionFile = path.join(scratch, `${path.basename(instanceFile)}`)
  fs.writeFileSync(
    solutionFile,
    JSON.stringify({
      instance: result.instance,
      slotOfMeeting: result.slotOfMeeting,
      tableOfMeeting: result.tableOfMeeting,
    }),
  )
  const run = spawnSync(process.execPath, [externalChecker, instanceFile, solutionFile], { encoding: 'utf8' })
  const report = JSON.parse(run.stdout) as { feasible: boolean; breaks: number; errors: string[] }
  // Unscheduled meetings are the only errors it may report for a schedule we call feasible.
  const ok = report.errors.every((e) => /not scheduled/.test(e)) && report.breaks === result.breaks
  return { ok, breaks: report.breaks }
}

function runOne(file: string, references: Map<string, Reference>): Row {
  const instance = parseInstance(JSON.parse(fs.readFileSync(file, 'utf8')))
  const result = solve(instance, { timeLimitMs, fairness, seed, threads })
  const greedy = solveGreedy(instance, { fairness })
  const ours = checkSchedule(instance, result, { allowUnscheduled: true })
  const oursGreedy = checkSchedule(instance, greedy, { allowUnscheduled: true })
  const external = externalCheck(file, result)
  const problems = [
    ours.feasible && ours.breaks === result.breaks ? '' : `ours: ${ours.violations[0]?.message ?? 'breaks differ'}`,
    oursGreedy.feasible ? '' : `greedy: ${oursGreedy.violations[0]?.message}`,
    external === null || external.ok ? '' : 'check_schedule.mjs disagrees',
  ].filter(Boolean)
  const checks = problems.length > 0 ? `FAIL ${problems.join('; ')}` : external === null ? 'ok (ours)' : 'ok (both)'
  const greedyRow = { scheduled: instance.meetings.length - greedy.unscheduled.length, breaks: greedy.breaks }
  return {
    name: instance.name,
    meetings: instance.meetings.length,
    result,
    greedy: greedyRow,
    reference: references.get(instance.name),
    checks,
  }
}

const pad = (value: unknown, width: number) => String(value).padStart(width)

function printRow(row: Row): void {
  const { result, reference } = row
  const scheduled = row.meetings - result.unscheduled.length
  const ref =
    reference === undefined ? '?' : reference.status === 'optimal' ? String(reference.reference) : reference.status
  const gap =
    reference?.status === 'optimal' && result.unscheduled.length === 0 ? result.breaks - reference.reference! : ''
  const fair = result.fairnessViolations.length > 0 ? `relaxed (max ${result.maxBreaksPerParticipant})` : 'ok'
  console.log(
    `${row.name.padEnd(30)}${pad(row.meetings, 5)}${pad(scheduled, 5)}${pad(result.breaks, 6)}${pad(result.lowerBound ?? '-', 5)}${pad(ref, 11)}${pad(gap, 4)}` +
      `${pad(result.elapsedMs.toFixed(0), 7)}  ${pad(row.greedy.scheduled, 5)}${pad(row.greedy.breaks, 6)}  ${fair.padEnd(17)} ${row.checks}`,
  )
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y)
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

function printSummary(rows: Row[]): void {
  const optimal = rows.filter((r) => r.reference?.status === 'optimal')
  const matched = optimal.filter(
    (r) =>
      r.result.unscheduled.length === 0 &&
      r.result.fairnessViolations.length === 0 &&
      r.result.breaks <= r.reference!.reference!,
  )
  const infeasible = rows.filter((r) => r.reference?.status === 'infeasible')
  const handled = infeasible.filter((r) => r.result.unscheduled.length === 0)
  const times = optimal.map((r) => r.result.elapsedMs)
  const allTimes = rows.map((r) => r.result.elapsedMs)
  const sum = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0)
  const worse = rows.filter(
    (r) =>
      r.result.unscheduled.length > r.meetings - r.greedy.scheduled ||
      (r.result.unscheduled.length === r.meetings - r.greedy.scheduled && r.result.breaks > r.greedy.breaks),
  )
  console.log('\nSummary')
  console.log(`  instances                          ${rows.length}`)
  console.log(
    `  total meetings / scheduled         ${sum((r) => r.meetings)} / ${sum((r) => r.meetings - r.result.unscheduled.length)}  (greedy ${sum((r) => r.greedy.scheduled)})`,
  )
  console.log(
    `  total breaks                       ${sum((r) => r.result.breaks)}  (greedy ${sum((r) => r.greedy.breaks)})`,
  )
  console.log(
    `  proven optima matched (fairness ${fairness})  ${matched.length} / ${optimal.length}  (${optimal.length ? ((100 * matched.length) / optimal.length).toFixed(1) : 0}%)`,
  )
  console.log(
    `  misses                             ${
      optimal
        .filter((r) => !matched.includes(r))
        .map((r) => `${r.name} ${r.result.breaks} vs ${r.reference!.reference}`)
        .join(', ') || 'none'
    }`,
  )
  console.log(
    `  time on those: median / max        ${(median(times) / 1000).toFixed(2)} s / ${(Math.max(0, ...times) / 1000).toFixed(2)} s`,
  )
  console.log(
    `  time on all: median / max          ${(median(allTimes) / 1000).toFixed(2)} s / ${(Math.max(0, ...allTimes) / 1000).toFixed(2)} s`,
  )
  console.log(
    `  infeasible under fairness          ${infeasible.length}: all meetings scheduled with the bound relaxed on ${handled.length}, violation reported on ${infeasible.filter((r) => r.result.fairnessViolations.length > 0).length}, no complete schedule within the bound proven on ${infeasible.filter((r) => r.result.completeProvenImpossible).length}`,
  )
  console.log(`  worse than greedy                  ${worse.length}`)
  console.log(`  schedules failing a checker        ${rows.filter((r) => r.checks.startsWith('FAIL')).length}`)
}

const references = loadReferences(path.join(folder, '..', 'reference.json'), fairness)
const files = fs
  .readdirSync(folder)
  .filter((f) => f.endsWith('.json') && (!values.only || f.includes(values.only)))
  .sort()
console.log(
  `B2BSP scheduler benchmark: ${files.length} instances from ${folder}, time limit ${timeLimitMs / 1000} s, fairness ${fairness}, seed ${seed}, ${threads} thread${threads === 1 ? '' : 's'}`,
)
console.log(
  `${'instance'.padEnd(30)}${pad('mtgs', 5)}${pad('schd', 5)}${pad('brk', 6)}${pad('LB', 5)}${pad('reference', 11)}${pad('gap', 4)}${pad('ms', 7)}  ${pad('g.sch', 5)}${pad('g.brk', 6)}  ${'fairness'.padEnd(17)} checks`,
)
const rows: Row[] = []
for (const file of files) {
  const row = runOne(path.join(folder, file), references)
  printRow(row)
  rows.push(row)
}
printSummary(rows)
fs.rmSync(scratch, { recursive: true, force: true })
const generator = path.join(folder, '..', 'generate_planted.py')
if (!values['no-planted'] && !values.only && fs.existsSync(generator)) {
  console.log('')
  spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'bench/scheduling/planted.ts'),
      '--generator',
      generator,
      '--time-limit',
      values['planted-time-limit'],
      '--threads',
      `${threads}`,
    ],
    { stdio: 'inherit', cwd: ROOT },
  )
}
