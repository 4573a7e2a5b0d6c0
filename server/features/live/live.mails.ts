import type { MailMessage } from '../../infra/mailer.js'
import { composeMail } from '../../infra/mail-layout.js'

type Kind = 'absent' | 'back' | 'repaired' | 'day' | 'soon' | 'nudge'
interface Args {
  other: string
  event: string
  time: string
}

const TEXT: Record<
  'it' | 'en',
  Record<Kind, { subject: (a: Args) => string; body: (a: Args) => string }> & {
    hello: (n: string) => string
    action: string
  }
> = {
  it: {
    hello: (n) => `Ciao ${n},`,
    absent: {
      subject: (a) => `${a.other} non è presente oggi`,
      body: (a) =>
        `${a.other} non è presente a «${a.event}»: l'incontro delle ${a.time} non si terrà. Lo staff vi propone un'altra persona se possibile.`,
    },
    back: {
      subject: (a) => `L'incontro delle ${a.time} con ${a.other} si tiene`,
      body: (a) =>
        `${a.other} è presente a «${a.event}» dopo tutto: l'incontro delle ${a.time} si tiene come previsto. Ignorate il messaggio precedente.`,
    },
    repaired: {
      subject: (a) => `Nuovo incontro alle ${a.time} con ${a.other}`,
      body: (a) =>
        `Lo staff di «${a.event}» vi ha fissato un incontro con ${a.other} alle ${a.time}, al posto di un incontro saltato.`,
    },
    day: {
      subject: (a) => `Domani: incontro con ${a.other}`,
      body: (a) =>
        `Promemoria: ${a.time}, incontro con ${a.other} a «${a.event}». In allegato l'appuntamento per il calendario.`,
    },
    soon: {
      subject: (a) => `Tra poco: incontro con ${a.other}`,
      body: (a) => `Il prossimo incontro, con ${a.other}, inizia alle ${a.time.slice(11)} a «${a.event}».`,
    },
    nudge: {
      subject: (a) => `Nessun incontro ancora confermato per «${a.event}»`,
      body: (a) =>
        `Non avete ancora incontri confermati per «${a.event}». Inviate le vostre richieste prima della scadenza.`,
    },
    action: 'Apri',
  },
  en: {
    hello: (n) => `Hello ${n},`,
    absent: {
      subject: (a) => `${a.other} is not here today`,
      body: (a) =>
        `${a.other} is not at “${a.event}”: your ${a.time} meeting will not take place. The staff will offer you someone else if they can.`,
    },
    back: {
      subject: (a) => `Your ${a.time} meeting with ${a.other} is on`,
      body: (a) =>
        `${a.other} is at “${a.event}” after all: your ${a.time} meeting takes place as planned. Please ignore the earlier message.`,
    },
    repaired: {
      subject: (a) => `New meeting at ${a.time} with ${a.other}`,
      body: (a) =>
        `The staff of “${a.event}” booked you a meeting with ${a.other} at ${a.time}, in place of a missed one.`,
    },
    day: {
      subject: (a) => `Tomorrow: meeting with ${a.other}`,
      body: (a) =>
        `Reminder: ${a.time}, meeting with ${a.other} at “${a.event}”. The appointment is attached for your calendar.`,
    },
    soon: {
      subject: (a) => `Soon: meeting with ${a.other}`,
      body: (a) => `Your next meeting, with ${a.other}, starts at ${a.time.slice(11)} at “${a.event}”.`,
    },
    nudge: {
      subject: (a) => `No meeting confirmed yet for “${a.event}”`,
      body: (a) => `You have no confirmed meeting for “${a.event}” yet. Send your requests before the deadline.`,
    },
    action: 'Open',
  },
}

export function liveMail(input: {
  kind: Kind
  to: string
  name: string
  language: 'it' | 'en'
  other: string
  event: string
  time: string
  url: string
}): MailMessage {
  const t = TEXT[input.language]
  return composeMail(input.to, t[input.kind].subject(input), [
    { paragraphs: [t.hello(input.name), t[input.kind].body(input)], action: { label: t.action, url: input.url } },
  ])
}
