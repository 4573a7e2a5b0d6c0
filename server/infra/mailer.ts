import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Config } from '../config.js'
import type { HealthComponent } from '../../shared/schemas/health.js'
import type { Database } from './db.js'
import { capturedMails } from './outbox.table.js'
import { probe } from './probe.js'
import type { FeatureJobs } from './jobs.js'

/**
 * Outgoing e-mail. With SMTP_URL it goes to that server; without it, mail is
 * captured in the database and read at the development mailbox. Features never
 * call `send` directly: they enqueue a `mail` row in the outbox, in their transaction.
 */
export interface MailMessage {
  to: string
  subject: string
  text: string
  html?: string
  /** E.g. an .ics for a meeting; text content only (payloads travel through the outbox as JSON). */
  attachments?: { filename: string; content: string; contentType: string }[]
}

export interface Mailer {
  readonly engine: 'smtp' | 'captured'
  send(message: MailMessage): Promise<void>
  health(): Promise<HealthComponent>
  close(): void
}

export const MAIL_TOPIC = 'mail'

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer
  }
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl, { from })
  return {
    engine: 'smtp',
    send: async (message) => {
      await transport.sendMail(message)
    },
    health: () => probe('smtp', async () => void (await transport.verify())),
    close: () => transport.close(),
  }
}

export function createCapturedMailer(db: Database): Mailer {
  return {
    engine: 'captured',
    send: async (message) => {
      await db
        .insert(capturedMails)
        .values({ to: message.to, subject: message.subject, text: message.text, html: message.html ?? null })
    },
    health: async () => ({ state: 'up', engine: 'captured', detail: 'mail is kept locally, not sent' }),
    close: () => {},
  }
}

/** Mail queued in the outbox is sent by the mailer (registered with the features' jobs in features/jobs.ts). */
export function mailJobs(mailer: Mailer, counts?: { sent: { inc(): void }; failed: { inc(): void } }): FeatureJobs {
  return {
    handlers: {
      [MAIL_TOPIC]: async (payload) => {
        try {
          await mailer.send(payload as MailMessage)
        } catch (error) {
          counts?.failed.inc()
          throw error
        }
        counts?.sent.inc()
      },
    },
  }
}

async function mailerPlugin(app: FastifyInstance, options: { config: Config }) {
  const { smtpUrl, mailFrom } = options.config
  const mailer = smtpUrl ? createSmtpMailer(smtpUrl, mailFrom) : createCapturedMailer(app.db)
  app.decorate('mailer', mailer)
  app.addHook('onClose', async () => mailer.close())
}

export default fp(mailerPlugin, { name: 'mailer', dependencies: ['db'] })
