import type { MailMessage } from '../../infra/mailer.js'
import { composeMail } from '../../infra/mail-layout.js'

const TEXT = {
  it: {
    hello: (n: string) => `Ciao ${n},`,
    first: {
      subject: (e: string) => `La vostra agenda per «${e}»`,
      body: (e: string, n: number) =>
        `L'agenda degli incontri per «${e}» è pronta: ${n === 1 ? '1 incontro' : `${n} incontri`}.`,
    },
    changed: {
      subject: (e: string) => `Agenda aggiornata per «${e}»`,
      body: (e: string, n: number) =>
        `La vostra agenda per «${e}» è cambiata; ora avete ${n === 1 ? '1 incontro' : `${n} incontri`}. Il calendario sottoscritto si aggiorna da solo.`,
    },
    action: 'Vedi l’agenda',
  },
  en: {
    hello: (n: string) => `Hello ${n},`,
    first: {
      subject: (e: string) => `Your agenda for “${e}”`,
      body: (e: string, n: number) =>
        `Your meeting agenda for “${e}” is ready: ${n === 1 ? '1 meeting' : `${n} meetings`}.`,
    },
    changed: {
      subject: (e: string) => `Agenda updated for “${e}”`,
      body: (e: string, n: number) =>
        `Your agenda for “${e}” changed; you now have ${n === 1 ? '1 meeting' : `${n} meetings`}. A subscribed calendar updates itself.`,
    },
    action: 'See the agenda',
  },
}

export function agendaMail(input: {
  kind: 'first' | 'changed'
  to: string
  name: string
  language: 'it' | 'en'
  event: string
  meetings: number
  url: string
}): MailMessage {
  const t = TEXT[input.language]
  return composeMail(input.to, t[input.kind].subject(input.event), [
    {
      paragraphs: [t.hello(input.name), t[input.kind].body(input.event, input.meetings)],
      action: { label: t.action, url: input.url },
    },
  ])
}
