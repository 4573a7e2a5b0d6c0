import { defineProblem } from '../../infra/problems.js'

export const organisationProblems = {
  notFound: defineProblem({ code: 'organisations.not_found', status: 404, title: 'No such organisation' }),
  lastAdmin: defineProblem({
    code: 'accounts.last_admin',
    status: 409,
    title: 'An organisation keeps at least one admin',
  }),
  memberNotFound: defineProblem({ code: 'organisations.member_not_found', status: 404, title: 'No such member' }),
  invitationInvalid: defineProblem({
    code: 'invitations.invalid',
    status: 410,
    title: 'This invitation is expired, used or revoked',
  }),
  invitationNotFound: defineProblem({ code: 'invitations.not_found', status: 404, title: 'No such invitation' }),
  participantNotFound: defineProblem({
    code: 'organisers.participant_not_found',
    status: 404,
    title: 'This organisation is not registered with you',
  }),
  organiserNotFound: defineProblem({ code: 'organisers.not_found', status: 404, title: 'No such organiser' }),
  alreadyMember: defineProblem({
    code: 'invitations.already_member',
    status: 409,
    title: 'This person is already a member',
  }),
}
