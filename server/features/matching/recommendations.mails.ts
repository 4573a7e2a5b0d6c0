import { composeMail } from '../../infra/mail-layout.js'
import type { MailMessage } from '../../infra/mailer.js'

const TEXT = {
  it: {
    subject: (o: string) => `Vi suggeriamo di incontrare ${o}`,
    hello: (n: string) => `Ciao ${n},`,
    body: (o: string, e: string) =>
      `Gli organizzatori di «${e}» vi suggeriscono di incontrare ${o}: i vostri profili corrispondono.`,
    why: 'Perché',
    action: 'Vedi i suggerimenti',
  },
  en: {
    subject: (o: string) => `We suggest you meet ${o}`,
    hello: (n: string) => `Hello ${n},`,
    body: (o: string, e: string) => `The organisers of “${e}” suggest you meet ${o}: your profiles match.`,
    why: 'Why',
    action: 'See the recommendations',
  },
}

/** The hub suggests a meeting: one mail per person, in that person's language. */
export function suggestionMail(input: {
  to: string
  name: string
  language: 'it' | 'en'
  other: string
  event: string
  reason: { it: string; en: string }
  url: string
}): MailMessage {
  const t = TEXT[input.language]
  return composeMail(input.to, t.subject(input.other), [
    {
      paragraphs: [t.hello(input.name), t.body(input.other, input.event), `${t.why}: ${input.reason[input.language]}`],
      action: { label: t.action, url: input.url },
    },
  ])
}
