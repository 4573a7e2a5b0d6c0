import { defineProblem } from '../../infra/problems.js'
import { eventProblems } from '../events/events.errors.js'
import { organisationProblems } from '../organisations/organisations.errors.js'
import { participationProblems } from '../participation/participation.errors.js'

export const requestProblems = {
  eventNotFound: eventProblems.eventNotFound,
  organisationNotFound: organisationProblems.notFound,
  noSuchRepresentative: participationProblems.noSuchRepresentative,
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
  requestNotFound: defineProblem({ code: 'requests.not_found', status: 404, title: 'No such request' }),
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
