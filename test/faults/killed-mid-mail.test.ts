import t from 'tap'
import postgres from 'postgres'
import { SMTPServer } from 'smtp-server'
import { freePort } from '../../server/infra/ports.js'
import { build } from '../helpers/build.js'
import { createTestDatabase } from '../helpers/db.js'
import { createOrgWithAdmin } from '../helpers/accounts.js'
import { waitFor } from '../helpers/load.js'
import { serverEnv } from '../helpers/child-server.js'
import { startServerProcess } from '../helpers/process.js'

t.test(
  'a mail job whose process is killed while the SMTP server has not yet accepted the mail is sent again by the next start, and delivered once',
  async (t) => {
    const received: string[] = []
    let holding = true
    const held: (() => void)[] = []
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const accept = () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(','))
          callback()
        }
        stream.resume()
        stream.on('end', () => (holding ? held.push(accept) : accept()))
      },
    })
    const smtpPort = await freePort()
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', () => resolve()))
    t.teardown(() => new Promise<void>((resolve) => smtp.close(() => resolve())))

    const url = await createTestDatabase(t)
    const setup = await build(t, { databaseUrl: url, outbox: { start: false } })
    await createOrgWithAdmin(setup, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
    await createOrgWithAdmin(setup, { kind: 'sme', name: 'Beta Srl', email: 'bea@beta.example' })
    await setup.close()
    const db = postgres(url, { max: 1, onnotice: () => {} })
    t.teardown(() => db.end())

    const env = await serverEnv(url, { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` })
    const first = await startServerProcess(env)
    t.teardown(() => first.child.kill('SIGKILL'))
    const asked = await fetch(`http://127.0.0.1:${env.PORT}/api/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@alpha.example' }),
    })
    t.equal(asked.status, 202)
    await waitFor('the mail reaches the SMTP server', async () => (held.length === 1 ? true : undefined), 30_000)
    await first.stop('SIGKILL')
    held.length = 0
    t.same(received, [], 'the SMTP server had not accepted the mail when the sender died')
    const [pending] = await db<
      { attempts: number; done: boolean }[]
    >`select attempts, done_at is not null as done from outbox where topic = 'mail'`
    t.same(pending, { attempts: 0, done: false }, 'killed mid-send: the job is still pending')

    holding = false
    const second = await startServerProcess(env)
    t.teardown(() => second.stop('SIGTERM'))
    const done = await waitFor(
      'the job is done',
      async () => {
        const [row] = await db<
          { attempts: number; done: boolean }[]
        >`select attempts, done_at is not null as done from outbox where topic = 'mail'`
        return row!.done ? row : undefined
      },
      30_000,
    )
    t.same(done, { attempts: 1, done: true }, 'the next start sends it and marks it done, at its first attempt')
    // A second link asked for afterwards: once it is here, a second copy of the first would be too.
    await fetch(`http://127.0.0.1:${env.PORT}/api/auth/magic-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bea@beta.example' }),
    })
    await waitFor(
      'the later mail arrives',
      async () => (received.includes('bea@beta.example') ? true : undefined),
      30_000,
    )
    t.same(received, ['ada@alpha.example', 'bea@beta.example'], 'sent once by the second start')
  },
)
