import { eventProblems } from '../events/events.errors.js'
import { defineProblem } from '../../infra/problems.js'

export const liveProblems = {
  eventNotFound: eventProblems.eventNotFound,
  notParticipant: defineProblem({
    code: 'participation.not_participant',
    status: 409,
    title: 'This organisation is not selected for the event',
  }),
  meetingNotFound: defineProblem({ code: 'meetings.not_found', status: 404, title: 'No such meeting' }),
  cancelled: defineProblem({ code: 'meetings.cancelled', status: 409, title: 'The meeting was cancelled' }),
  noStandby: defineProblem({ code: 'live.no_standby', status: 409, title: 'This re-pairing is not possible' }),
  notEventDay: defineProblem({
    code: 'live.not_event_day',
    status: 409,
    title: 'Check-ins and absences are recorded on the event’s days only',
  }),
  notAbsent: defineProblem({ code: 'live.not_absent', status: 409, title: 'This organisation is not marked absent' }),
  undoTooLate: defineProblem({
    code: 'live.undo_too_late',
    status: 409,
    title: 'An absence can be undone on the day it was recorded only',
  }),
  channel: defineProblem({ code: 'live.forbidden_channel', status: 403, title: 'You may not follow this channel' }),
}
