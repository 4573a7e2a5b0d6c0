import { defineProblem } from '../../infra/problems.js'

/** Problems about editions and events; other features reuse `eventNotFound` rather than define it again. */
export const eventProblems = {
  editionNotFound: defineProblem({ code: 'editions.not_found', status: 404, title: 'No such edition' }),
  eventNotFound: defineProblem({ code: 'events.not_found', status: 404, title: 'No such event' }),
}
