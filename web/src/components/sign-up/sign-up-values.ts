import type { Consents, SignUp } from '../../../../shared/schemas/accounts.js'
import type { ParticipantKind } from '../../api/organisations-api.js'
import { emptyOrganisation, toOrganisationInput, type OrganisationValues } from '../organisation/organisation-values.js'
import { initialPerson, type PersonValues } from '../person/person-fields.js'

export interface SignUpValues {
  organiserId: string
  organisation: OrganisationValues
  person: PersonValues
  password: string
  consents: Consents
}

export function initialSignUp(kind: ParticipantKind, uiLanguage: string | undefined): SignUpValues {
  const person = initialPerson(uiLanguage)
  return {
    organiserId: '',
    organisation: emptyOrganisation({ isSme: kind === 'sme', language: person.language }),
    person,
    password: '',
    consents: { profileVisibleToMatches: false, emailNotifications: true },
  }
}

export function toSignUp(kind: ParticipantKind, values: SignUpValues): SignUp {
  const { name, email, language, timeZone } = values.person
  return {
    kind,
    organiserId: values.organiserId,
    organisation: toOrganisationInput(values.organisation),
    user: { name: name.trim(), email: email.trim(), language, timeZone },
    ...(values.password === '' ? {} : { password: values.password }),
    consents: values.consents,
  }
}
