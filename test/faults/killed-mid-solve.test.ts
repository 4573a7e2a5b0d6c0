import t from 'tap'
import postgres from 'postgres'
import { build } from '../helpers/build.js'
import { busyEvent } from '../helpers/busy-event.js'
import { createTestDatabase } from '../helpers/db.js'
import { waitFor } from '../helpers/load.js'
import { serverEnv } from '../helpers/child-server.js'
import { startServerProcess } from '../helpers/process.js'

t.test(
  'a schedule run whose process is killed mid-solve is resumed by the next start and completes once',
  async (t) => {
    const url = await createTestDatabase(t)
    const setup = await build(t, { databaseUrl: url, outbox: { start: false } })
    const { eventId, organiser, requests } = await busyEvent(setup)
    const queued = await organiser.inject({
      method: 'POST',
      url: `/api/events/${eventId}/schedules`,
      payload: { timeLimitSeconds: 6, fairness: null },
    })
    t.equal(queued.statusCode, 202)
    const scheduleId = queued.json().id as string
    await setup.close()

    const db = postgres(url, { max: 1, onnotice: () => {} })
    t.teardown(() => db.end())
    const state = async () => {
      const [row] = await db<
        { status: string; progress: number; error: string | null }[]
      >`select status, progress, error from schedules where id = ${scheduleId}`
      const [job] = await db<
        { attempts: number; done: boolean }[]
      >`select attempts, done_at is not null as done from outbox where topic = 'schedules.solve'`
      return {
        status: row!.status,
        progress: row!.progress,
        error: row!.error,
        attempts: job!.attempts,
        done: job!.done,
      }
    }

    const env = await serverEnv(url)
    const first = await startServerProcess(env)
    t.teardown(() => first.child.kill('SIGKILL'))
    await waitFor('the solver is under way', async () => ((await state()).progress > 0 ? true : undefined), 60_000)
    await first.stop('SIGKILL')
    t.match(
      await state(),
      { status: 'running', attempts: 0, done: false },
      'killed mid-solve: the run is left running, its job still pending',
    )

    const second = await startServerProcess(env)
    t.teardown(() => second.stop('SIGTERM'))
    const finished = await waitFor(
      'the run completes',
      async () => {
        const s = await state()
        // The run's row is written before its job's row is marked done, in the job's own transaction.
        return s.status === 'running' || s.status === 'queued' || !s.done ? undefined : s
      },
      90_000,
    )
    t.match(
      finished,
      { status: 'draft', progress: 100, error: null, attempts: 1, done: true },
      'the next start resumes the run and finishes it',
    )
    const [stats] = await db<
      { requests: number; scheduled: number }[]
    >`select (stats->>'requests')::int as requests, (stats->>'scheduled')::int as scheduled from schedules where id = ${scheduleId}`
    t.equal(stats!.requests, requests, 'with every accepted request considered')
    t.ok(
      stats!.scheduled > 0 && stats!.scheduled <= 4 * 14,
      `and ${stats!.scheduled} meetings placed within the room's 56 places`,
    )
    const [runs] = await db<{ n: number }[]>`select count(*)::int as n from schedules where event_id = ${eventId}`
    t.equal(runs!.n, 1, 'one run, not two')
  },
)
