import type { MailMessage } from '../../infra/mailer.js'
import { composeMail } from '../../infra/mail-layout.js'

type Kind = 'received' | 'accepted' | 'declined'

const TEXT: Record<
  'it' | 'en',
  Record<Kind, { subject: (o: string) => string; body: (o: string, e: string) => string }> & {
    hello: (n: string) => string
    reason: string
    action: string
  }
> = {
  it: {
    hello: (n) => `Ciao ${n},`,
    received: {
      subject: (o) => `${o} vuole incontrarvi`,
      body: (o, e) => `${o} ha chiesto un incontro con voi a «${e}».`,
    },
    accepted: {
      subject: (o) => `Incontro con ${o} confermato`,
      body: (o, e) => `L'incontro con ${o} a «${e}» è confermato; l'orario arriva con l'agenda.`,
    },
    declined: {
      subject: (o) => `${o} ha declinato l'incontro`,
      body: (o, e) => `${o} ha declinato la richiesta di incontro a «${e}».`,
    },
    reason: 'Motivo',
    action: 'Vedi le richieste',
  },
  en: {
    hello: (n) => `Hello ${n},`,
    received: { subject: (o) => `${o} would like to meet you`, body: (o, e) => `${o} asked to meet you at “${e}”.` },
    accepted: {
      subject: (o) => `Meeting with ${o} confirmed`,
      body: (o, e) => `Your meeting with ${o} at “${e}” is confirmed; its time comes with the agenda.`,
    },
    declined: {
      subject: (o) => `${o} declined the meeting`,
      body: (o, e) => `${o} declined the meeting request at “${e}”.`,
    },
    reason: 'Reason',
    action: 'See the requests',
  },
}

export function requestMail(input: {
  kind: Kind
  to: string
  name: string
  language: 'it' | 'en'
  other: string
  event: string
  reason: string | null
  url: string
}): MailMessage {
  const t = TEXT[input.language]
  const paragraphs = [
    t.hello(input.name),
    t[input.kind].body(input.other, input.event),
    ...(input.reason ? [`${t.reason}: ${input.reason}`] : []),
  ]
  return composeMail(input.to, t[input.kind].subject(input.other), [
    { paragraphs, action: { label: t.action, url: input.url } },
  ])
}
