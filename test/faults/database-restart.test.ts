import t from 'tap'
import postgres from 'postgres'
import type { LiveMessage } from '../../server/infra/live.js'
import { build } from '../helpers/build.js'
import { createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { offer } from '../helpers/catalogue.js'
import { startLoad, waitFor } from '../helpers/load.js'
import { startOwnPostgres } from '../helpers/own-postgres.js'

t.test(
  'PostgreSQL restarting under a load of reads and writes: health goes down then ok, the process survives, acknowledged writes are kept, and everything works again',
  async (t) => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => void unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    process.on('uncaughtException', onUnhandled)
    t.teardown(() => {
      process.off('unhandledRejection', onUnhandled)
      process.off('uncaughtException', onUnhandled)
    })

    const db = await startOwnPostgres(t)
    const app = await build(t, { databaseUrl: db.url, outbox: { pollMs: 200, baseDelayMs: 200, maxDelayMs: 1000 } })
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
    const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
    const agent = await signIn(app, 'ada@alpha.example')
    const heard: LiveMessage[] = []
    const unsubscribe = app.live.subscribe(['probe'], (message) => void heard.push(message))
    t.teardown(unsubscribe)

    const health = async () => {
      const res = await fetch(`${baseUrl}/health`)
      return { status: res.status, body: (await res.json()) as { status: string } }
    }
    t.match(await health(), { status: 200, body: { status: 'ok' } })

    const load = startLoad({
      baseUrl,
      headers: { cookie: `mtb_session=${agent.cookie}`, 'x-csrf-token': agent.csrf },
      loops: 6,
      next: (n) =>
        n % 2 === 0
          ? {
              method: 'POST',
              path: `/api/organisations/${sme.orgId}/offers`,
              body: offer({ title: `Offer number ${n}` }),
            }
          : { method: 'GET', path: n % 4 === 1 ? '/api/me' : `/api/organisations/${sme.orgId}/offers` },
    })
    await waitFor('writes before the outage', async () =>
      load.answers.filter((a) => a.status === 201).length >= 20 ? true : undefined,
    )

    await db.stop()
    const down = await waitFor('health reports the database down', async () => {
      const h = await health()
      return h.status === 503 ? h : undefined
    })
    t.match(down.body, { status: 'down', database: { state: 'down' } }, 'health says the database is down')
    await waitFor('requests fail while the database is down', async () =>
      load.answers.some((a) => a.startedAt > performance.now() - 1000 && a.status >= 500) ? true : undefined,
    )

    await db.start()
    const upAt = await waitFor('health is ok again', async () => {
      const h = await health()
      return h.status === 200 && h.body.status === 'ok' ? performance.now() : undefined
    })
    await waitFor('writes after the restart', async () =>
      load.answers.filter((a) => a.startedAt > upAt && a.status === 201).length >= 20 ? true : undefined,
    )
    const answers = await load.stop()

    const failedDuringOutage = answers.filter((a) => a.status >= 500 || a.status === 0)
    t.ok(failedDuringOutage.length > 0, 'some requests failed during the outage')
    t.ok(
      failedDuringOutage.every((a) => a.status === 0 || (a.body as { type?: string } | null)?.type !== undefined),
      'failures are problem documents (or a refused connection), never a hang',
    )
    const after = answers.filter((a) => a.startedAt > upAt)
    t.same(
      after.filter((a) => a.status >= 300).map((a) => `${a.request.method} ${a.request.path} → ${a.status}`),
      [],
      'every request after the restart succeeds',
    )

    const acknowledged = answers.filter((a) => a.status === 201).map((a) => (a.body as { id: string }).id)
    const check = postgres(db.url, { max: 1, onnotice: () => {} })
    t.teardown(() => check.end())
    const stored = await check<{ id: string }[]>`select id from offers where id = any(${acknowledged}::uuid[])`
    t.equal(
      stored.length,
      acknowledged.length,
      `each of the ${acknowledged.length} acknowledged writes is in the database`,
    )

    await app.live.publish(app.db, 'probe', 'ping', { after: 'restart' })
    await waitFor(
      'a live message after the restart',
      async () => (heard.some((m) => m.type === 'ping') ? true : undefined),
      10_000,
    )
    t.pass('live messages are fanned out again (LISTEN re-established)')

    await waitFor(
      'the outbox catches up',
      async () => {
        const [row] = await check<
          { pending: number }[]
        >`select count(*)::int as pending from outbox where done_at is null`
        return row!.pending === 0 ? true : undefined
      },
      30_000,
    )
    t.pass('every outbox row written around the outage is done')

    await app.close()
    t.same(
      unhandled.map((e) => (e instanceof Error ? e.stack : String(e))),
      [],
      'no unhandled rejection or exception',
    )
  },
)
