import t from 'tap'
import postgres from 'postgres'
import { build } from '../helpers/build.js'
import { largeEvent } from '../helpers/busy-event.js'
import { createTestDatabase } from '../helpers/db.js'
import { waitFor } from '../helpers/load.js'
import { serverEnv } from '../helpers/child-server.js'
import { startServerProcess } from '../helpers/process.js'

t.test(
  'a schedule run whose process is killed mid-solve is resumed by the next start and completes once',
  async (t) => {
    const url = await createTestDatabase(t)
    const setup = await build(t, { databaseUrl: url, outbox: { start: false } })
    const { eventId, organiser, requests } = await largeEvent(setup, { buyers: 40, perBuyer: 20 })
    const queued = await organiser.inject({
      method: 'POST',
      url: `/api/events/${eventId}/schedules`,
      payload: { timeLimitSeconds: 10, fairness: null },
    })
    t.equal(queued.statusCode, 202)
    const scheduleId = queued.json().id as string
    await setup.close()

    const db = postgres(url, { max: 1, onnotice: () => {} })
    t.teardown(() => db.end())
    const state = async () => {
      const [row] = await db<
        { status: string; progress: number; error: string | null; owner: string | null }[]
      >`select status, progress, error, lease_owner as owner from schedules where id = ${scheduleId}`
      return row!
    }

    const env = await serverEnv(url)
    const first = await startServerProcess(env)
    t.teardown(() => first.child.kill('SIGKILL'))
    await waitFor('the solver is under way', async () => ((await state()).progress > 0 ? true : undefined), 60_000)
    const { owner: firstOwner } = await state()
    await first.stop('SIGKILL')
    t.match(
      await state(),
      { status: 'running', error: null },
      'killed mid-solve: the run is left running, under a lease',
    )

    const second = await startServerProcess(env)
    t.teardown(() => second.stop('SIGTERM'))
    const taken = await waitFor(
      'another instance takes the run over once the lease lapses',
      async () => {
        const s = await state()
        return s.owner !== null && s.owner !== firstOwner ? s : undefined
      },
      60_000,
    )
    t.equal(taken.status, 'running')
    const finished = await waitFor(
      'the run completes',
      async () => {
        const s = await state()
        return s.status === 'running' || s.status === 'queued' ? undefined : s
      },
      90_000,
    )
    t.match(
      finished,
      { status: 'draft', progress: 100, error: null, owner: null },
      'the next start resumes the run and finishes it, and lets it go',
    )
    const [stats] = await db<
      { requests: number; scheduled: number }[]
    >`select (stats->>'requests')::int as requests, (stats->>'scheduled')::int as scheduled from schedules where id = ${scheduleId}`
    t.equal(stats!.requests, requests, 'with every accepted request considered')
    t.ok(stats!.scheduled > 0 && stats!.scheduled <= requests, `and ${stats!.scheduled} of ${requests} meetings placed`)
    const [runs] = await db<{ n: number }[]>`select count(*)::int as n from schedules where event_id = ${eventId}`
    t.equal(runs!.n, 1, 'one run, not two')
  },
)
