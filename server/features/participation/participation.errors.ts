import { organisationProblems } from '../organisations/organisations.errors.js'
import { eventProblems } from '../events/events.errors.js'
import { defineProblem } from '../../infra/problems.js'

export const participationProblems = {
  eventNotFound: eventProblems.eventNotFound,
  organisationNotFound: organisationProblems.notFound,
  notParticipant: defineProblem({
    code: 'participation.not_participant',
    status: 409,
    title: 'This organisation does not take part in the event',
  }),
  illegalTransition: defineProblem({
    code: 'participation.illegal_transition',
    status: 409,
    title: 'This step is not allowed from the current one',
  }),
  reasonRequired: defineProblem({
    code: 'participation.reason_required',
    status: 400,
    title: 'Say why the organisation is rejected',
  }),
  noSuchSlot: defineProblem({ code: 'participation.no_such_slot', status: 400, title: 'The event has no such slot' }),
  registrationClosed: defineProblem({
    code: 'participation.registration_closed',
    status: 409,
    title: 'Registration for this event is closed',
  }),
  notValidated: defineProblem({
    code: 'participation.not_validated',
    status: 409,
    title: 'A hub of this edition must validate the organisation first',
  }),
  noSuchRepresentative: defineProblem({
    code: 'representatives.not_found',
    status: 400,
    title: 'No such representative of this organisation in the event',
  }),
  duplicateRepresentative: defineProblem({
    code: 'representatives.duplicate_email',
    status: 409,
    title: 'Two representatives have the same e-mail address',
  }),
}
