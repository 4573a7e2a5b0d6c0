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
