import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkSchedule } from '../../server/scheduling/check.js'
import { solveGreedy } from '../../server/scheduling/greedy.js'
import { parseInstance } from '../../server/scheduling/instance.js'
import { solve } from '../../server/scheduling/solve.js'

/**
 * The scheduler at the size of large brokerage events, on instances with a planted optimum: shared/b2bsp's
 * generate_planted.py seats buyers at their tables all day and gives each SME a run of back-to-back meetings, so a
 * schedule with 0 breaks and every meeting placed exists. Per instance, in a child process of its own (its peak
 * memory is its own): the first-fit baseline, then the solver; every schedule validated by our checker and, on
 * one-day instances, by shared/b2bsp/check_schedule.mjs.
 *
 *   npm run bench:planted -- [--generator ../shared/b2bsp/generate_planted.py] [--time-limit 60] [--threads 2] [--only NAME]
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({
  options: {
    generator: { type: 'string', default: '../shared/b2bsp/generate_planted.py' },
    'time-limit': { type: 'string', default: '60' },
    threads: { type: 'string', default: '2' },
    only: { type: 'string' },
    one: { type: 'string' },
  },
})
const timeLimitMs = Number(values['time-limit']) * 1000
const threads = Number(values.threads)

interface Shape {
  name: string
  buyers: number
  /** Slots per day, and days (one unless said). */
  slots: number
  days?: number
  maxRun?: number
}

/** From a day of 36 slots (9:00–18:00 at 15 minutes, past the old limit of 30) to four days of 40. */
const SHAPES: Shape[] = [
  { name: 'planted-30b-32s', buyers: 30, slots: 32 },
  { name: 'planted-60b-36s', buyers: 60, slots: 36 },
  { name: 'planted-100b-30s', buyers: 100, slots: 30 },
  { name: 'planted-80b-2x20s', buyers: 80, slots: 20, days: 2 },
  { name: 'planted-20b-4x40s', buyers: 20, slots: 40, days: 4 },
]

interface Outcome {
  meetings: number
  participants: number
  tables: number
  greedy: { scheduled: number; breaks: number; ms: number }
  scheduled: number
  breaks: number
  lowerBound: number | null
  placedAtMs: number | null
  ms: number
  stoppedBy: string
  peakMiB: number
  checks: string
}

/** Child: solves one file and prints its outcome as JSON. */
function runOne(file: string): Outcome {
  const instance = parseInstance(JSON.parse(fs.readFileSync(file, 'utf8')))
  const g0 = performance.now()
  const greedy = solveGreedy(instance)
  const greedyMs = performance.now() - g0
  const t0 = performance.now()
  let placedAtMs: number | null = null
  const result = solve(instance, {
    timeLimitMs,
    threads,
    seed: 1,
    onProgress: (p) => {
      if (placedAtMs === null && p.hard === 0) placedAtMs = performance.now() - t0
    },
  })
  const ms = performance.now() - t0
  const ours = checkSchedule(instance, result, { allowUnscheduled: true })
  const problems = [
    ours.feasible && ours.breaks === result.breaks ? '' : `ours: ${ours.violations[0]?.message ?? 'breaks differ'}`,
    checkSchedule(instance, greedy, { allowUnscheduled: true }).feasible ? '' : 'greedy infeasible',
  ].filter(Boolean)
  const external = instance.slots.days ? null : externalCheck(file, result)
  if (external === false) problems.push('check_schedule.mjs disagrees')
  return {
    meetings: instance.meetings.length,
    participants: instance.participants.length,
    tables: instance.tables,
    greedy: { scheduled: instance.meetings.length - greedy.unscheduled.length, breaks: greedy.breaks, ms: greedyMs },
    scheduled: instance.meetings.length - result.unscheduled.length,
    breaks: result.breaks,
    lowerBound: result.lowerBound,
    placedAtMs,
    ms,
    stoppedBy: result.stoppedBy,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    checks: problems.length > 0 ? `FAIL ${problems.join('; ')}` : external === null ? 'ok (ours)' : 'ok (both)',
  }
}

/** check_schedule.mjs beside the generator, when present: true when it agrees, null when absent. */
function externalCheck(file: string, result: ReturnType<typeof solve>): boolean | null {
  const checker = path.join(path.dirname(path.resolve(ROOT, values.generator)), 'check_schedule.mjs')
  if (!fs.existsSync(checker)) return null
  const solution = `${file}.solution.json`
  fs.writeFileSync(
    solution,
    JSON.stringify({ slotOfMeeting: result.slotOfMeeting, tableOfMeeting: result.tableOfMeeting }),
  )
  const run = spawnSync(process.execPath, [checker, file, solution], { encoding: 'utf8' })
  const report = JSON.parse(run.stdout) as { breaks: number; errors: string[] }
  return report.errors.every((e) => /not scheduled/.test(e)) && report.breaks === result.breaks
}

/** Generates a shape's instance (seed 1); several days split the generated slots evenly. */
function generate(shape: Shape, generator: string, folder: string): string {
  const days = shape.days ?? 1
  const slots = shape.slots * days
  const args = [
    generator,
    '--buyers',
    `${shape.buyers}`,
    '--slots',
    `${slots}`,
    '--morning',
    `${Math.floor(slots / 2)}`,
  ]
  if (shape.maxRun) args.push('--max-run', `${shape.maxRun}`)
  const instance = JSON.parse(execFileSync('python3', [...args, '--seed', '1'], { maxBuffer: 1 << 28 }).toString())
  instance.name = shape.name
  if (days > 1) {
    // A run of the plant that crosses midnight becomes two runs on two days: still no break.
    instance.slots.days = Array.from({ length: days }, () => ({ slots: shape.slots, morning: shape.slots / 2 }))
    instance.slots.morning = (days * shape.slots) / 2
    for (const m of instance.meetings) m.session = null
  }
  const file = path.join(folder, `${shape.name}.json`)
  fs.writeFileSync(file, JSON.stringify(instance))
  return file
}

const pad = (value: unknown, width: number) => String(value).padStart(width)

if (values.one) {
  console.log(JSON.stringify(runOne(values.one)))
} else {
  const generator = path.resolve(ROOT, values.generator)
  if (!fs.existsSync(generator)) {
    console.log(`No generator at ${generator}: nothing to measure (pass --generator PATH).`)
    process.exit(0)
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planted-'))
  console.log(
    `Planted instances (optimum: every meeting, 0 breaks), time limit ${timeLimitMs / 1000} s, ${threads} thread${threads === 1 ? '' : 's'}, seed 1, ${os.cpus().length} cores`,
  )
  console.log(
    `${'instance'.padEnd(20)}${pad('mtgs', 6)}${pad('ppl', 5)}${pad('slots', 7)}${pad('tbl', 5)}  ${pad('ff.sch', 6)}${pad('ff.brk', 7)}${pad('ff.ms', 6)}  ${pad('sched', 6)}${pad('brk', 5)}${pad('LB', 4)}${pad('all in', 8)}${pad('s', 6)}  ${'stop'.padEnd(6)}${pad('MiB', 6)}  checks`,
  )
  for (const shape of SHAPES.filter((s) => !values.only || s.name.includes(values.only))) {
    const file = generate(shape, generator, folder)
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--one',
        file,
        '--time-limit',
        `${timeLimitMs / 1000}`,
        '--threads',
        `${threads}`,
        '--generator',
        generator,
      ],
      { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 24 },
    )
    if (child.status !== 0) {
      console.log(`${shape.name.padEnd(20)} failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`)
      continue
    }
    const o = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Outcome
    const slots = shape.days ? `${shape.days}×${shape.slots}` : `${shape.slots}`
    console.log(
      `${shape.name.padEnd(20)}${pad(o.meetings, 6)}${pad(o.participants, 5)}${pad(slots, 7)}${pad(o.tables, 5)}  ${pad(o.greedy.scheduled, 6)}${pad(o.greedy.breaks, 7)}${pad(o.greedy.ms.toFixed(0), 6)}  ` +
        `${pad(o.scheduled, 6)}${pad(o.breaks, 5)}${pad(o.lowerBound ?? '-', 4)}${pad(o.placedAtMs === null ? '-' : `${(o.placedAtMs / 1000).toFixed(1)} s`, 8)}${pad((o.ms / 1000).toFixed(1), 6)}  ${o.stoppedBy.padEnd(6)}${pad(o.peakMiB.toFixed(0), 6)}  ${o.checks}`,
    )
  }
  fs.rmSync(folder, { recursive: true, force: true })
}
