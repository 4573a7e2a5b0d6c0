import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { listOrganisers, signUp, type PublicOrganiser } from '../../api/auth-api.js'
import type { ParticipantKind } from '../../api/organisations-api.js'
import { AsyncView } from '../async-view.js'
import { SelectField, TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { OrganisationFields } from '../organisation/organisation-fields.js'
import { validateOrganisation } from '../organisation/organisation-values.js'
import { ConsentFields } from '../person/consent-fields.js'
import { PersonFields } from '../person/person-fields.js'
import { useLoad } from '../use-load.js'
import { initialSignUp, toSignUp, type SignUpValues } from './sign-up-values.js'

interface SignUpFormProps {
  kind: ParticipantKind
  onDone: (email: string) => void
}

export function SignUpForm({ kind, onDone }: SignUpFormProps) {
  const organisers = useLoad('organisers', listOrganisers)
  return (
    <AsyncView result={organisers.result} onRetry={() => organisers.reload()}>
      {(list) => <SignUpFields kind={kind} organisers={list} onDone={onDone} />}
    </AsyncView>
  )
}

function SignUpFields({ kind, organisers, onDone }: SignUpFormProps & { organisers: PublicOrganiser[] }) {
  const { t, i18n } = useTranslation()
  const form = useForm()
  const [values, setValues] = useState<SignUpValues>(() => initialSignUp(kind, i18n.resolvedLanguage))
  const set =
    <K extends keyof SignUpValues>(key: K) =>
    (value: SignUpValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }))
  const organiserOptions = organisers.map((o) => ({ value: o.id, label: `${o.legalName} (${o.nuts2 ?? o.country})` }))

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(
      event,
      async () => {
        await signUp(toSignUp(kind, values))
        onDone(values.person.email.trim())
      },
      { validate: () => validateOrganisation(values.organisation) },
    )

  return (
    <Form form={form} onSubmit={submit} testId="sign-up-form" className="form-wide">
      <fieldset className="form-section">
        <legend>{t('signUp.organiserSection')}</legend>
        {organisers.length === 0 && <p className="notice">{t('signUp.noOrganisers')}</p>}
        <SelectField
          name="organiserId"
          testId="organiser"
          label={t('signUp.organiser')}
          hint={t('signUp.organiserHint')}
          value={values.organiserId}
          onChange={set('organiserId')}
          options={organiserOptions}
          placeholder={t('form.choose')}
          required
        />
      </fieldset>
      <OrganisationFields values={values.organisation} onChange={set('organisation')} />
      <fieldset className="form-section">
        <legend>{t('signUp.personSection')}</legend>
        <PersonFields values={values.person} onChange={set('person')} withEmail />
        <TextField
          name="password"
          type="password"
          label={t('signUp.password')}
          hint={t('signUp.passwordHint')}
          value={values.password}
          onChange={set('password')}
          optional
          minLength={10}
          maxLength={200}
          autoComplete="new-password"
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('signUp.consentSection')}</legend>
        <ConsentFields values={values.consents} onChange={set('consents')} requireVisibility />
      </fieldset>
      <FormFailure testId="sign-up-error" />
      <SubmitButton testId="sign-up-submit">{t('signUp.submit')}</SubmitButton>
    </Form>
  )
}
