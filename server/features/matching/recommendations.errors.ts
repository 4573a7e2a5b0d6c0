import { defineProblem } from '../../infra/problems.js'

export const recommendationProblems = {
  notFound: defineProblem({
    code: 'recommendations.not_found',
    status: 404,
    title: 'No such recommendation in this event',
  }),
  notParticipantKind: defineProblem({
    code: 'recommendations.not_participant_kind',
    status: 409,
    title: 'Only SMEs and buyers receive recommendations',
  }),
}
