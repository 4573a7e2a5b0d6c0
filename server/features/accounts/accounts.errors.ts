import { defineProblem } from '../../infra/problems.js'

export const accountProblems = {
  emailTaken: defineProblem({
    code: 'accounts.email_taken',
    status: 409,
    title: 'This e-mail already has an account; sign in instead',
  }),
  invalidCredentials: defineProblem({
    code: 'auth.invalid_credentials',
    status: 401,
    title: 'Wrong e-mail or password',
  }),
  linkInvalid: defineProblem({
    code: 'auth.link_invalid',
    status: 410,
    title: 'This sign-in link is expired or already used',
  }),
  wrongPassword: defineProblem({
    code: 'accounts.wrong_password',
    status: 403,
    title: 'The current password is not right',
  }),
  confirmMismatch: defineProblem({
    code: 'accounts.confirm_mismatch',
    status: 400,
    title: 'Type your e-mail to confirm',
  }),
  consentRequired: defineProblem({ code: 'accounts.consent_required', status: 400, title: 'Consent is required' }),
  userFieldsRequired: defineProblem({
    code: 'invitations.user_required',
    status: 400,
    title: 'Tell us your name, language and time zone',
  }),
}
