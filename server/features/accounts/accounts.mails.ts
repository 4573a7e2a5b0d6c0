import type { Language } from '../../../shared/schemas/accounts.js'
import type { MailMessage } from '../../infra/mailer.js'
import { composeMail } from '../../infra/mail-layout.js'

const TEXT = {
  it: {
    subject: 'Il tuo link di accesso a Meet the Buyer',
    hello: (name: string) => `Ciao ${name},`,
    body: (minutes: number) =>
      `usa questo link per accedere a Meet the Buyer. Vale ${minutes} minuti e una sola volta.`,
    ignore: 'Se non hai chiesto tu di accedere, ignora questo messaggio.',
    action: 'Accedi',
  },
  en: {
    subject: 'Your Meet the Buyer sign-in link',
    hello: (name: string) => `Hello ${name},`,
    body: (minutes: number) => `use this link to sign in to Meet the Buyer. It works once, for ${minutes} minutes.`,
    ignore: 'If you did not ask to sign in, ignore this message.',
    action: 'Sign in',
  },
}

export function magicLinkMail(input: {
  to: string
  name: string
  language: Language
  url: string
  minutes: number
}): MailMessage {
  const t = TEXT[input.language]
  return composeMail(input.to, t.subject, [
    { paragraphs: [t.hello(input.name), t.body(input.minutes), t.ignore], action: { label: t.action, url: input.url } },
  ])
}
