import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { PROJECT_ROOT } from '../server/config.js'
import { DIST } from '../server/infra/build.js'
import { workerBoot } from '../server/infra/worker-boot.js'

// `npm test` builds dist/ before the tests (test/run.ts), as `npm start` does before serving.

t.test('the compiled CLI runs without TypeScript: no tsx in the bundles, and a schedule is solved', async (t) => {
  for (const file of ['server.js', 'cli.js', 'solve.worker.js', 'probe.worker.js'])
    t.notMatch(readFileSync(path.join(DIST, file), 'utf8'), /from ["']tsx/, `${file} imports no tsx`)
  // Two SMEs each meet two buyers: 4 meetings fit in 2 slots of 2 tables with no break.
  const instance = {
    name: 'two-by-two',
    slots: { count: 4, morning: 2 },
    tables: 2,
    participants: [1, 2, 3, 4].map((id) => ({ id })),
    meetings: [
      [1, 3],
      [1, 4],
      [2, 3],
      [2, 4],
    ].map((participants, i) => ({ id: i + 1, participants })),
  }
  const file = path.join(t.testdir({ 'instance.json': JSON.stringify(instance) }), 'instance.json')
  const run = spawnSync(process.execPath, ['dist/cli.js', 'schedule', file, '--time-limit', '5'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  })
  t.equal(run.status, 0, run.stderr)
  const answer = JSON.parse(run.stdout) as { breaks: number; unscheduled: unknown[]; lowerBound: number }
  t.same([answer.breaks, answer.unscheduled.length, answer.lowerBound], [0, 0, 0], 'every meeting, no break, proven')
})

t.test(
  'a worker started from the compiled build runs the compiled worker, from an entry or from a chunk',
  async (t) => {
    for (const caller of ['server.js', 'chunks/chunk-ANY.js']) {
      const boot = workerBoot(pathToFileURL(path.join(DIST, caller)).href, 'probe.worker')
      t.same([boot.eval, String(boot.script)], [false, pathToFileURL(path.join(DIST, 'probe.worker.js')).href], caller)
    }
    const worker = new Worker(new URL(pathToFileURL(path.join(DIST, 'probe.worker.js')).href))
    const started = await new Promise<string>((resolve) => {
      worker.once('error', (error) => resolve(`failed: ${error.message}`))
      worker.once('online', () => setTimeout(() => resolve('running'), 300))
    })
    await worker.terminate()
    t.equal(started, 'running', 'dist/probe.worker.js loads and waits for work')
  },
)
