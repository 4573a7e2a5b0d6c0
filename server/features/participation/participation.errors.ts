import { eventProblems } from '../events/events.errors.js'
import { defineProblem } from '../../infra/problems.js'

export const participationProblems = {
  eventNotFound: eventProblems.eventNotFound,
  organisationNotFound: defineProblem({ code: 'organisations.not_found', status: 404, title: 'No such organisation' }),
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
  deadlinePassed: defineProblem({
    code: 'requests.deadline_passed',
    status: 409,
    title: 'The deadline for meeting requests has passed',
  }),
  wrongPair: defineProblem({
    code: 'requests.wrong_pair',
    status: 400,
    title: 'Meetings are between an SME and a buyer',
  }),
  notSelected: defineProblem({
    code: 'requests.not_selected',
    status: 409,
    title: 'Both sides must be selected for the event',
  }),
  quotaReached: defineProblem({ code: 'requests.quota_reached', status: 409, title: 'The meeting quota is reached' }),
  duplicate: defineProblem({
    code: 'requests.duplicate',
    status: 409,
    title: 'These two already have an open request in this event',
  }),
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
  requestNotFound: defineProblem({ code: 'requests.not_found', status: 404, title: 'No such request' }),
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
  notBuyerSide: defineProblem({
    code: 'representatives.not_buyer_side',
    status: 403,
    title: 'Only the buyer’s side or the event’s hub chooses who holds a meeting',
  }),
  illegalRequestMove: defineProblem({
    code: 'requests.illegal_move',
    status: 409,
    title: 'This request cannot change that way',
  }),
}
