import t from 'tap'
import { build } from '../../helpers/build.js'
import { largeEvent } from '../../helpers/busy-event.js'
import { waitFor } from '../../helpers/load.js'
import { startSmtp } from '../../helpers/smtp.js'

t.test(
  'a long solve never holds up the outbox: a sign-in link queued meanwhile arrives within seconds, and the hub cancels the run',
  async (t) => {
    const smtp = await startSmtp(t)
    const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
    const { eventId, organiser } = await largeEvent(app, { buyers: 60, perBuyer: 25 })
    const queued = await organiser.inject({
      method: 'POST',
      url: `/api/events/${eventId}/schedules`,
      payload: { timeLimitSeconds: 60, fairness: null },
    })
    t.equal(queued.statusCode, 202)
    const scheduleId = queued.json().id as string
    const run = async () =>
      (await organiser.inject({ method: 'GET', url: `/api/events/${eventId}/schedules/${scheduleId}` })).json() as {
        status: string
        progress: number
      }
    await waitFor('the solver is under way', async () => ((await run()).progress > 0 ? true : undefined), 30_000)
    await waitFor(
      'the run’s outbox job is done',
      async () => {
        const [job] = await app.sql<{ done: boolean }[]>`
          select done_at is not null as done from outbox where topic = 'schedules.solve'`
        return job!.done ? true : undefined
      },
      30_000,
    )
    t.equal(
      (await run()).status,
      'running',
      'its outbox job is done while the run goes on: the job only woke the runner',
    )
    const [lease] = await app.sql<{ held: boolean }[]>`
      select lease_owner is not null and lease_until > now() as held from schedules where id = ${scheduleId}`
    t.equal(lease!.held, true, 'the run is held under a lease')

    const asked = performance.now()
    await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'hub@hub.example' } })
    const mail = await smtp.waitForMail('hub@hub.example', 10_000)
    const seconds = (performance.now() - asked) / 1000
    t.equal(mail.subject, 'Your Meet the Buyer sign-in link')
    t.equal((await run()).status, 'running', `the link came in ${seconds.toFixed(1)} s, while the solve went on`)

    const cancelled = await organiser.inject({
      method: 'POST',
      url: `/api/events/${eventId}/schedules/${scheduleId}/cancel`,
    })
    t.same([cancelled.statusCode, cancelled.json().status], [200, 'cancelled'])
    await waitFor(
      'the runner lets go',
      async () => {
        const [row] = await app.sql<{ owner: string | null }[]>`
          select lease_owner as owner from schedules where id = ${scheduleId}`
        return row!.owner === null ? true : undefined
      },
      10_000,
    )
    await new Promise((resolve) => setTimeout(resolve, 2500))
    t.match(await run(), { status: 'cancelled' }, 'the stopped solver writes nothing after the cancel')
    const again = await organiser.inject({
      method: 'POST',
      url: `/api/events/${eventId}/schedules/${scheduleId}/cancel`,
    })
    t.same(
      [again.statusCode, again.json().code],
      [409, 'schedules.not_running'],
      'a cancelled run is not cancelled twice',
    )
    const [audit] = await app.sql<{ n: number }[]>`
      select count(*)::int as n from audit_events where action = 'schedule.cancelled' and subject_id = ${scheduleId}`
    t.equal(audit!.n, 1, 'the cancel is in the audit trail')
    const next = await organiser.inject({
      method: 'POST',
      url: `/api/events/${eventId}/schedules`,
      payload: { timeLimitSeconds: 1, fairness: null },
    })
    t.equal(next.statusCode, 202, 'a new run may be queued at once')
  },
)
