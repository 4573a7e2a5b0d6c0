import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Config } from '../config.js'
import type { HealthComponent } from '../../shared/schemas/health.js'
import { probe } from './probe.js'

/**
 * Outgoing e-mail. With SMTP_URL it goes to that server; without it, mail is
 * captured locally (nothing leaves the machine).
 */
export interface Mailer {
  readonly engine: 'smtp' | 'captured'
  health(): Promise<HealthComponent>
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer
  }
}

export function createSmtpMailer(smtpUrl: string): Mailer & { transport: Transporter } {
  const transport = nodemailer.createTransport(smtpUrl)
  return {
    engine: 'smtp',
    transport,
    health: () => probe('smtp', async () => void (await transport.verify())),
  }
}

export function createCapturedMailer(): Mailer {
  return {
    engine: 'captured',
    health: async () => ({ state: 'up', engine: 'captured', detail: 'mail is kept locally, not sent' }),
  }
}

async function mailerPlugin(app: FastifyInstance, options: { config: Config }) {
  const mailer = options.config.smtpUrl ? createSmtpMailer(options.config.smtpUrl) : createCapturedMailer()
  app.decorate('mailer', mailer)
  app.addHook('onClose', async () => {
    if ('transport' in mailer) (mailer.transport as Transporter).close()
  })
}

export default fp(mailerPlugin, { name: 'mailer' })
