import { eventProblems } from '../events/events.errors.js'
import { defineProblem } from '../../infra/problems.js'

export const scheduleProblems = {
  eventNotFound: eventProblems.eventNotFound,
  notFound: defineProblem({ code: 'schedules.not_found', status: 404, title: 'No such schedule' }),
  externalEvent: defineProblem({
    code: 'schedules.external_event',
    status: 409,
    title: 'External events are tracked, not scheduled here',
  }),
  running: defineProblem({
    code: 'schedules.running',
    status: 409,
    title: 'A schedule for this event is already being computed',
  }),
  notRunning: defineProblem({
    code: 'schedules.not_running',
    status: 409,
    title: 'Only a queued or running schedule can be cancelled',
  }),
  notDraft: defineProblem({
    code: 'schedules.not_draft',
    status: 409,
    title: 'Only a draft can be changed or published',
  }),
  noSuchRequest: defineProblem({
    code: 'schedules.no_such_request',
    status: 404,
    title: 'The draft has no such accepted request',
  }),
  conflict: defineProblem({ code: 'schedules.conflict', status: 409, title: 'The meeting cannot go there' }),
  noSuchSlot: defineProblem({
    code: 'schedules.no_such_slot',
    status: 400,
    title: 'The event has no such slot or table',
  }),
  feedNotFound: defineProblem({ code: 'calendar.not_found', status: 404, title: 'No such calendar' }),
}
