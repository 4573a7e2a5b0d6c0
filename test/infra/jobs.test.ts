import t from 'tap'
import Fastify from 'fastify'
import { build } from '../helpers/build.js'
import { waitFor } from '../helpers/load.js'
import { registerJobs } from '../../server/infra/jobs.js'
import { MAIL_TOPIC } from '../../server/infra/mailer.js'
import { SEARCH_SYNC_TOPIC } from '../../server/features/catalogue/catalogue.service.js'
import { RECOMPUTE_TOPIC } from '../../server/features/matching/recommendations.triggers.js'
import { ORGANISATION_CHANGED } from '../../server/features/organisations/organisations.service.js'
import { SCHEDULE_TOPIC } from '../../server/features/schedules/schedules.service.js'

t.test('an outbox topic has one handler: a second one for the same topic is refused at start', async (t) => {
  const app = await build(t, { outbox: { start: false }, timers: { start: false } })
  const handler = async () => {}
  t.throws(
    () => registerJobs(app, [{ handlers: { 'jobs.test': handler } }, { handlers: { 'jobs.test': handler } }]),
    /two handlers for the outbox topic "jobs.test"/,
  )
})

t.test('every topic the features enqueue has its handler in the running app', async (t) => {
  const app = await build(t, { outbox: { start: false }, timers: { start: false } })
  for (const topic of [MAIL_TOPIC, SEARCH_SYNC_TOPIC, ORGANISATION_CHANGED, SCHEDULE_TOPIC, RECOMPUTE_TOPIC])
    t.throws(() => registerJobs(app, [{ handlers: { [topic]: async () => {} } }]), /two handlers/, topic)
})

t.test('timers run on ready when asked, are logged when they fail, and stop with the app', async (t) => {
  const failures: unknown[] = []
  const app = Fastify({ logger: false })
  app.log.warn = ((object: unknown) => void failures.push(object)) as typeof app.log.warn
  let runs = 0
  let readyRuns = 0
  registerJobs(app, [
    {
      timers: [
        { name: 'counts', everyMs: 20, run: async () => void runs++ },
        { name: 'at start', everyMs: 60_000, onReady: true, run: async () => void readyRuns++ },
        { name: 'fails', everyMs: 20, run: async () => Promise.reject(new Error('down')) },
      ],
    },
  ])
  await app.ready()
  await waitFor('two runs', async () => (runs >= 2 ? true : undefined), 10_000)
  t.equal(readyRuns, 1, 'the timer asked to run on ready ran once, without waiting its minute')
  await waitFor('a logged failure', async () => (failures.length > 0 ? true : undefined), 10_000)
  t.match(failures[0], { timer: 'fails', err: { message: 'down' } }, 'a failure is logged with the timer’s name')
  await app.close()
  const after = runs
  // Three ticks of a sentinel timer of the same period: the closed timer would have run by then.
  await new Promise<void>((resolve) => {
    let ticks = 0
    const sentinel = setInterval(() => ++ticks === 3 && (clearInterval(sentinel), resolve()), 20)
  })
  t.equal(runs, after, 'no run after the app closed')
})

t.test('with timers off, none runs', async (t) => {
  const app = Fastify({ logger: false })
  let runs = 0
  registerJobs(app, [{ timers: [{ name: 'counts', everyMs: 10, onReady: true, run: async () => void runs++ }] }], {
    start: false,
  })
  await app.ready()
  await new Promise<void>((resolve) => {
    let ticks = 0
    const sentinel = setInterval(() => ++ticks === 3 && (clearInterval(sentinel), resolve()), 10)
  })
  t.equal(runs, 0)
  await app.close()
})
