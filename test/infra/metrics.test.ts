import t from 'tap'
import { build } from '../helpers/build.js'
import { startSmtp } from '../helpers/smtp.js'
import { MAIL_TOPIC } from '../../server/infra/mailer.js'

const TOKEN = 'metrics-token-for-the-operator-0123'

/** The value of one series of the text format, e.g. `outbox_pending{topic="mail"}`; undefined when absent. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

t.test('GET /metrics answers the operator’s token only, and is off without METRICS_TOKEN', async (t) => {
  const off = await build(t)
  const unset = await off.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  t.equal(unset.statusCode, 404)
  t.equal(unset.json().code, 'metrics.off')

  const app = await build(t, { env: { METRICS_TOKEN: TOKEN } })
  for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN.slice(1)]) {
    const refused = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: authorization ? { authorization } : {},
    })
    t.equal(refused.statusCode, 401, `refused with ${authorization ?? 'no header'}`)
    t.equal(refused.json().code, 'metrics.unauthorized')
  }
  const ok = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  t.equal(ok.statusCode, 200)
  t.match(ok.headers['content-type'], /^text\/plain; version=0\.0\.4/)
  t.match(ok.body, /# TYPE http_request_duration_seconds histogram/)
  t.match(ok.body, /# TYPE process_resident_memory_bytes gauge/)
})

t.test(
  'the figures follow what happens: requests per route, outbox depth and age, mail sent and failed, runs',
  async (t) => {
    const smtp = await startSmtp(t)
    const app = await build(t, { env: { METRICS_TOKEN: TOKEN, SMTP_URL: smtp.url }, outbox: { start: false } })
    const scrape = async () =>
      (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body

    for (let k = 0; k < 3; k++) await app.inject({ method: 'GET', url: `/api/events/${crypto.randomUUID()}/slots` })
    let text = await scrape()
    t.equal(
      valueOf(
        text,
        'http_request_duration_seconds_count{method="GET",route="/api/events/:eventId/slots",status="401"}',
      ),
      3,
      'three answers of one route, counted under its pattern, not its addresses',
    )
    t.equal(valueOf(text, 'outbox_pending{topic="mail"}'), undefined, 'nothing pending yet')
    t.equal(valueOf(text, 'websockets_open'), 0)
    t.equal(valueOf(text, 'mail_sent_total'), 0)

    await app.db.transaction(async (tx) => {
      await app.outbox.enqueue(tx, MAIL_TOPIC, { to: 'ada@alpha.example', subject: 'One', text: '.' })
      await app.outbox.enqueue(tx, MAIL_TOPIC, { to: 'bea@beta.example', subject: 'Two', text: '.' })
    })
    await app.sql`update outbox set created_at = now() - interval '90 seconds' where topic = ${MAIL_TOPIC}`
    text = await scrape()
    t.equal(valueOf(text, 'outbox_pending{topic="mail"}'), 2, 'two mails wait')
    t.ok(valueOf(text, 'outbox_oldest_pending_seconds{topic="mail"}')! >= 90, 'the oldest has waited 90 s')

    await app.outbox.drain()
    await smtp.waitForMail('bea@beta.example')
    text = await scrape()
    t.equal(valueOf(text, 'mail_sent_total'), 2, 'both handed to the mail server')
    t.equal(valueOf(text, 'outbox_pending{topic="mail"}'), undefined, 'the outbox is empty again')

    await smtp.stop()
    await app.db.transaction((tx) =>
      app.outbox.enqueue(tx, MAIL_TOPIC, { to: 'cid@gamma.example', subject: 'Three', text: '.' }),
    )
    await app.outbox.drain()
    text = await scrape()
    t.equal(valueOf(text, 'mail_failed_total'), 1, 'a refused connection counts as a failed attempt')
    t.equal(valueOf(text, 'outbox_pending{topic="mail"}'), 1, 'and the mail waits for its retry')
    t.match(text, /# TYPE schedule_runs gauge/, 'schedule runs by status are part of the figures')
  },
)
