import { composeMail } from '../../infra/mail-layout.js'
import type { MailMessage } from '../../infra/mailer.js'

const TEXT = {
  it: {
    hello: (n: string) => `Ciao ${n},`,
    performance: {
      subject: (y: number) => `Fatturato ed export ${y}: ci aiutate a misurare i risultati?`,
      body: (o: string, y: number) =>
        `Per misurare l'effetto degli incontri Meet the Buyer, la Regione chiede il fatturato e il volume di export di ${o} nel ${y}. Bastano due cifre; indicate se vengono dal bilancio.`,
      action: 'Inserisci i dati',
    },
    contract: {
      subject: (o: string) => `${o} ha registrato un contratto con voi`,
      body: (o: string, title: string) =>
        `${o} ha registrato il contratto «${title}». Confermatelo se è corretto: l'organizzatore lo verifica dopo la vostra conferma.`,
      action: 'Vedi il contratto',
    },
  },
  en: {
    hello: (n: string) => `Hello ${n},`,
    performance: {
      subject: (y: number) => `Turnover and exports ${y}: help us measure the results`,
      body: (o: string, y: number) =>
        `To measure what the Meet the Buyer meetings achieved, the region asks for the turnover and export volume of ${o} in ${y}. Two figures are enough; say whether they come from the financial statements.`,
      action: 'Enter the figures',
    },
    contract: {
      subject: (o: string) => `${o} reported a contract with you`,
      body: (o: string, title: string) =>
        `${o} reported the contract “${title}”. Please confirm it if it is right: the organiser verifies it after your confirmation.`,
      action: 'See the contract',
    },
  },
}

export function performanceRequestMail(input: {
  to: string
  name: string
  language: 'it' | 'en'
  organisation: string
  year: number
  url: string
}): MailMessage {
  const t = TEXT[input.language]
  return composeMail(input.to, t.performance.subject(input.year), [
    {
      paragraphs: [t.hello(input.name), t.performance.body(input.organisation, input.year)],
      action: { label: t.performance.action, url: input.url },
    },
  ])
}

export function contractReportedMail(input: {
  to: string
  name: string
  language: 'it' | 'en'
  reporter: string
  title: string
  url: string
}): MailMessage {
  const t = TEXT[input.language]
  return composeMail(input.to, t.contract.subject(input.reporter), [
    {
      paragraphs: [t.hello(input.name), t.contract.body(input.reporter, input.title)],
      action: { label: t.contract.action, url: input.url },
    },
  ])
}
