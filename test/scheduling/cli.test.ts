import t from 'tap'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runScheduleCommand } from '../../server/scheduling/cli.js'

const instance = {
  format: 'b2bsp-json',
  name: 'cli-event',
  slots: { count: 3, morning: 2, afternoon: 1, amPmSplit: true },
  tables: 2,
  participants: [1, 2, 3, 4].map((id) => ({ id, available: [1, 1, 1] })),
  meetings: [
    { id: 1, participants: [1, 3], session: null, fixedSlot: null, after: [] },
    { id: 2, participants: [1, 4], session: null, fixedSlot: null, after: [] },
    { id: 3, participants: [2, 3], session: null, fixedSlot: null, after: [] },
  ],
}

async function run(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runScheduleCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) })
  return { code, stdout, stderr }
}

function writeFile(t: { teardown: (fn: () => void) => void }, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schedule-cli-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'instance.json')
  fs.writeFileSync(file, content)
  return file
}

t.test('schedule prints the schedule as JSON on stdout, slots and tables 0-based', async (t) => {
  const file = writeFile(t, JSON.stringify(instance))
  const { code, stdout } = await run([file, '--time-limit', '1', '--seed', '3'])
  t.equal(code, 0)
  const output = JSON.parse(stdout)
  t.same(Object.keys(output).slice(0, 6), [
    'instance',
    'slotOfMeeting',
    'tableOfMeeting',
    'breaks',
    'unscheduled',
    'lowerBound',
  ])
  t.equal(output.instance, 'cli-event')
  t.same(Object.keys(output.slotOfMeeting).sort(), ['1', '2', '3'])
  t.same(output.unscheduled, [])
  t.equal(output.breaks, 0)
  t.equal(output.lowerBound, 0)
  t.not(output.slotOfMeeting['1'], output.slotOfMeeting['2'], 'participant 1 is in two meetings: two slots')
  for (const slot of Object.values(output.slotOfMeeting) as number[]) t.ok(slot >= 0 && slot < 3)
  for (const table of Object.values(output.tableOfMeeting) as number[]) t.ok(table >= 0 && table < 2)
})

t.test('bad arguments exit 2 with the usage; an invalid instance exits 1 naming the problem', async (t) => {
  const none = await run([])
  t.equal(none.code, 2)
  t.match(none.stderr, /Usage: schedule INSTANCE\.json/)
  t.equal((await run(['x.json', '--time-limit', 'soon'])).code, 2)
  const threads = await run(['x.json', '--threads', '4'])
  t.equal(threads.code, 2)
  t.match(threads.stderr, /--threads must be 1 or 2/)
  const file = writeFile(t, JSON.stringify({ ...instance, tables: 0 }))
  const invalid = await run([file])
  t.equal(invalid.code, 1)
  t.match(invalid.stderr, /tables must be a positive integer/)
  const missing = await run([path.join(os.tmpdir(), 'no-such-instance.json')])
  t.equal(missing.code, 1)
  t.match(missing.stderr, /cannot read/)
})
