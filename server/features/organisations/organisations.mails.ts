import type { MailMessage } from '../../infra/mailer.js'
import { composeMail } from '../../infra/mail-layout.js'
import type { Role } from '../../../shared/schemas/accounts.js'

const ROLE = { it: { admin: 'amministratore', member: 'membro' }, en: { admin: 'admin', member: 'member' } }

/** The invitee's language is not known yet: Italian first, then English. */
export function invitationMail(input: {
  to: string
  organisation: string
  inviter: string
  role: Role
  url: string
  days: number
}): MailMessage {
  return composeMail(
    input.to,
    `Invito a ${input.organisation} su Meet the Buyer / Invitation to ${input.organisation}`,
    [
      {
        paragraphs: [
          `${input.inviter} ti invita a unirti a ${input.organisation} su Meet the Buyer come ${ROLE.it[input.role]}.`,
          `L'invito scade tra ${input.days} giorni.`,
        ],
        action: { label: 'Accetta l’invito', url: input.url },
      },
      {
        paragraphs: [
          `${input.inviter} invites you to join ${input.organisation} on Meet the Buyer as ${ROLE.en[input.role]}.`,
          `The invitation expires in ${input.days} days.`,
        ],
        action: { label: 'Accept the invitation', url: input.url },
      },
    ],
  )
}

const DECISION = {
  it: {
    hello: (name: string) => `Buongiorno ${name},`,
    validated: {
      subject: (hub: string) => `${hub} ha convalidato la tua iscrizione`,
      body: (hub: string, organisation: string) =>
        `${hub} ha convalidato l’iscrizione di ${organisation} a Meet the Buyer. Ora puoi candidarti ai suoi eventi e pubblicare le tue offerte o i tuoi fabbisogni.`,
      action: 'Apri Meet the Buyer',
    },
    rejected: {
      subject: (hub: string) => `${hub} non ha convalidato la tua iscrizione`,
      body: (hub: string, organisation: string) =>
        `${hub} non ha convalidato l’iscrizione di ${organisation} a Meet the Buyer.`,
      reason: (reason: string) => `Motivo: ${reason}`,
      action: 'Apri Meet the Buyer',
    },
  },
  en: {
    hello: (name: string) => `Hello ${name},`,
    validated: {
      subject: (hub: string) => `${hub} validated your registration`,
      body: (hub: string, organisation: string) =>
        `${hub} validated the registration of ${organisation} on Meet the Buyer. You can now apply to its events and publish your offers or needs.`,
      action: 'Open Meet the Buyer',
    },
    rejected: {
      subject: (hub: string) => `${hub} did not validate your registration`,
      body: (hub: string, organisation: string) =>
        `${hub} did not validate the registration of ${organisation} on Meet the Buyer.`,
      reason: (reason: string) => `Reason: ${reason}`,
      action: 'Open Meet the Buyer',
    },
  },
}

/** A hub's decision on a registration, in the member's language; a rejection gives its reason. */
export function registrationDecisionMail(input: {
  to: string
  name: string
  language: 'it' | 'en'
  hub: string
  organisation: string
  decision: 'validated' | 'rejected'
  reason: string | null
  url: string
}): MailMessage {
  const t = DECISION[input.language]
  const paragraphs = [t.hello(input.name), t[input.decision].body(input.hub, input.organisation)]
  if (input.decision === 'rejected' && input.reason)
    paragraphs.push(DECISION[input.language].rejected.reason(input.reason))
  return composeMail(input.to, t[input.decision].subject(input.hub), [
    { paragraphs, action: { label: t[input.decision].action, url: input.url } },
  ])
}
