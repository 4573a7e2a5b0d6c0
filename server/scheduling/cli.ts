import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { InstanceError, parseInstance } from './instance.js'
import { solve } from './solve.js'

/**
 * `schedule INSTANCE.json [--time-limit SECONDS] [--fairness D] [--seed N] [--threads 1|2]`:
 * the schedule as JSON on stdout, progress on stderr. Exit 0 when a schedule
 * was printed, 1 when the instance is invalid, 2 on bad arguments.
 */

const USAGE = 'Usage: schedule INSTANCE.json [--time-limit SECONDS] [--fairness D|none] [--seed N] [--threads 1|2]'

export interface ScheduleCommandIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

const defaultIo: ScheduleCommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}

interface Parsed {
  file: string
  timeLimitMs: number
  fairness: number | null
  seed: number
  threads: number
}

function parse(args: string[]): Parsed | string {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'time-limit': { type: 'string', default: '10' },
        fairness: { type: 'string', default: '2' },
        seed: { type: 'string', default: '1' },
        threads: { type: 'string', default: '2' },
      },
    })
  } catch (error) {
    return (error as Error).message
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1) return 'expected exactly one instance file'
  const seconds = Number(values['time-limit'])
  if (!(seconds > 0)) return `--time-limit must be a positive number of seconds (got "${values['time-limit']}")`
  const fairness = values.fairness === 'none' ? null : Number(values.fairness)
  if (fairness !== null && !(Number.isInteger(fairness) && fairness >= 0))
    return `--fairness must be a non-negative integer or "none" (got "${values.fairness}")`
  const seed = Number(values.seed)
  if (!Number.isInteger(seed)) return `--seed must be an integer (got "${values.seed}")`
  const threads = Number(values.threads)
  if (threads !== 1 && threads !== 2) return `--threads must be 1 or 2 (got "${values.threads}")`
  return { file: positionals[0]!, timeLimitMs: seconds * 1000, fairness, seed, threads }
}

export async function runScheduleCommand(args: string[], io: ScheduleCommandIo = defaultIo): Promise<number> {
  const parsed = parse(args)
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n${USAGE}\n`)
    return 2
  }
  let instance
  try {
    instance = parseInstance(JSON.parse(await readFile(parsed.file, 'utf8')))
  } catch (error) {
    const message =
      error instanceof InstanceError || error instanceof SyntaxError
        ? error.message
        : `cannot read ${parsed.file}: ${(error as Error).message}`
    io.stderr(`${message}\n`)
    return 1
  }
  const result = solve(instance, {
    timeLimitMs: parsed.timeLimitMs,
    fairness: parsed.fairness,
    seed: parsed.seed,
    threads: parsed.threads,
    onProgress: (p) =>
      io.stderr(
        `${(p.elapsedMs / 1000).toFixed(1)} s: ${p.breaks} breaks, ${p.hard} conflicts, ${p.excess} over the fairness bound\n`,
      ),
  })
  const {
    slotOfMeeting,
    tableOfMeeting,
    breaks,
    unscheduled,
    lowerBound,
    fairnessViolations,
    maxBreaksPerParticipant,
  } = result
  const output = {
    instance: instance.name,
    slotOfMeeting,
    tableOfMeeting,
    breaks,
    unscheduled,
    lowerBound,
    fairness: parsed.fairness,
    maxBreaksPerParticipant,
    fairnessViolations,
  }
  io.stdout(`${JSON.stringify(output, null, 2)}\n`)
  if (fairnessViolations.length > 0)
    io.stderr(`fairness bound ${parsed.fairness} relaxed for ${fairnessViolations.length} participant(s)\n`)
  return 0
}
