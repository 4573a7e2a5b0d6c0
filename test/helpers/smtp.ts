import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

interface TestContext {
  teardown(fn: () => unknown): void
}

export interface TestSmtp {
  url: string
  port: number
  mails: ParsedMail[]
  /** Resolves with the first mail (already received or still to come) to this address. */
  waitForMail(to: string, timeoutMs?: number): Promise<ParsedMail>
  stop(): Promise<void>
  /** Listens again on the same port after `stop` (an outage and its end). */
  restart(): Promise<void>
}

/** A real SMTP server in this process; what it receives is parsed with mailparser. */
export async function startSmtp(t: TestContext, port = 0): Promise<TestSmtp> {
  const mails: ParsedMail[] = []
  const waiters: { to: string; resolve: (mail: ParsedMail) => void }[] = []
  const recipient = (mail: ParsedMail) =>
    (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
      a.value.map((v) => v.address?.toLowerCase()),
    )
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            mails.push(mail)
            for (const waiter of [...waiters]) {
              if (recipient(mail).includes(waiter.to)) {
                waiters.splice(waiters.indexOf(waiter), 1)
                waiter.resolve(mail)
              }
            }
            callback()
          },
          (error: Error) => callback(error),
        )
      },
    })
  let server = create()
  const listen = (p: number) =>
    new Promise<number>((resolve) =>
      server.listen(p, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)),
    )
  const actualPort = await listen(port)
  let running = true
  const stop = () =>
    new Promise<void>((resolve) => (running ? ((running = false), server.close(() => resolve())) : resolve()))
  t.teardown(stop)
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    mails,
    waitForMail: (to, timeoutMs = 10_000) => {
      const found = mails.find((mail) => recipient(mail).includes(to.toLowerCase()))
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs)
        waiters.push({ to: to.toLowerCase(), resolve: (mail) => (clearTimeout(timer), resolve(mail)) })
      })
    },
    stop,
    restart: async () => {
      server = create()
      await listen(actualPort)
      running = true
    },
  }
}

/** The first link to the platform in a mail's text. */
export function linkIn(mail: ParsedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, '\\$&')}[^\\s]*`).exec(mail.text ?? '')
  if (!match) throw new Error(`no ${path} link in mail "${mail.subject}"`)
  return match[0]
}
