import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { MAIL_TOPIC } from '../../server/infra/mailer.js'
import { fixedClock } from '../../server/infra/clock.js'
import { liveChannel } from '../../server/infra/live.js'
import { build } from '../helpers/build.js'
import { offer } from '../helpers/catalogue.js'
import { connectLive, publishedEvent } from '../helpers/event-day.js'
import { createOrgWithAdmin, PASSWORD } from '../helpers/accounts.js'
import { waitFor } from '../helpers/load.js'
import { startProxy } from '../helpers/proxy.js'
import { startSmtp } from '../helpers/smtp.js'

const BEFORE_FIRST_SLOT = '2027-03-10T07:50:00Z'

t.test('two instances behind one round-robin port, sharing one database', async (t) => {
  const smtp = await startSmtp(t)
  const options = { clock: fixedClock(BEFORE_FIRST_SLOT), env: { SMTP_URL: smtp.url }, outbox: { pollMs: 200 } }
  const a = await build(t, options)
  const w = await publishedEvent(a)
  const b = await build(t, { ...options, databaseUrl: a.database.url })
  const instances: FastifyInstance[] = [a, b]
  const urls = [await a.listen({ port: 0, host: '127.0.0.1' }), await b.listen({ port: 0, host: '127.0.0.1' })]
  const proxy = await startProxy(t, urls)

  t.test('a session created through one instance works on the other', async (t) => {
    const sme = await createOrgWithAdmin(a, { kind: 'sme', name: 'Delta Srl', email: 'dan@delta.example' })
    const signedIn = await fetch(`${proxy.url}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dan@delta.example', password: PASSWORD }),
    })
    t.equal(signedIn.status, 200)
    const cookie = /mtb_session=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')![0]
    const csrf = ((await signedIn.json()) as { csrfToken: string }).csrfToken
    const before = [...proxy.served]
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await fetch(`${proxy.url}/api/me`, { headers: { cookie } })).status)
      const created = await fetch(`${proxy.url}/api/organisations/${sme.orgId}/offers`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify(offer({ title: `Offerta ${i}` })),
      })
      statuses.push(created.status)
    }
    t.same(statuses, [200, 201, 200, 201, 200, 201, 200, 201], 'reads and writes (with the CSRF token) succeed')
    t.same(
      proxy.served.map((n, i) => n - before[i]!),
      [4, 4],
      'served by both instances in turn, without sticky sessions',
    )
  })

  t.test('a live message from a write on one instance reaches a socket on the other', async (t) => {
    const client = await connectLive(proxy.url, w.agents.a, `organisation=${w.a.orgId}`)
    const other = instances[1 - proxy.lastUpgrade!]!
    const checkIn = await other.inject({
      method: 'POST',
      url: `/api/events/${w.event.id}/check-ins/${w.y.orgId}`,
      headers: { cookie: `mtb_session=${w.organiser.cookie}`, 'x-csrf-token': w.organiser.csrf },
    })
    t.equal(checkIn.statusCode, 200)
    t.match(
      (await client.next('counterpart_checked_in')).payload,
      { name: 'Torino Trasporti SpA' },
      `written on instance ${2 - proxy.lastUpgrade!}, heard on instance ${proxy.lastUpgrade! + 1}`,
    )
    // Sent after the check-in on the same channel: once it arrives, any second copy would have arrived before it.
    await other.live.publish(other.db, liveChannel.organisation(w.a.orgId), 'sentinel', {})
    await client.next('sentinel')
    t.equal(client.messages.filter((m) => m.type === 'counterpart_checked_in').length, 1, 'once')
    await client.close()
  })

  t.test('outbox jobs are done once, by one of the two workers', async (t) => {
    const recipients = Array.from({ length: 30 }, (_, i) => `person${i}@example.eu`)
    await a.db.transaction(async (tx) => {
      for (const to of recipients)
        await a.outbox.enqueue(tx, MAIL_TOPIC, { to, subject: 'Hello', text: 'One mail each.' })
    })
    await waitFor(
      'every job done',
      async () => {
        const [row] = await a.sql<
          { pending: number }[]
        >`select count(*)::int as pending from outbox where done_at is null`
        return row!.pending === 0 ? true : undefined
      },
      30_000,
    )
    // A last mail queued after the 30 were done: once it is here, a second copy of any of them would be too.
    await a.db.transaction((tx) =>
      a.outbox.enqueue(tx, MAIL_TOPIC, { to: 'sentinel@example.eu', subject: 'Last', text: '.' }),
    )
    await smtp.waitForMail('sentinel@example.eu', 30_000)
    const delivered = smtp.mails
      .flatMap((mail) =>
        (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((x) => x.value.map((v) => v.address!)),
      )
      .filter((to) => to.startsWith('person'))
    t.same(delivered.sort(), [...recipients].sort(), 'each of the 30 mails delivered exactly once')
    await waitFor('the last job done too', async () => {
      const [row] = await a.sql<
        { pending: number }[]
      >`select count(*)::int as pending from outbox where done_at is null`
      return row!.pending === 0 ? true : undefined
    })
    const retried = await a.sql`select payload, attempts, last_error from outbox where topic = 'mail' and attempts <> 1`
    t.same(retried, [], 'each job run once')
  })
})
