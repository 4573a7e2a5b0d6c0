import { defineProblem } from '../../infra/problems.js'

export const catalogueProblems = {
  offerNotFound: defineProblem({ code: 'offers.not_found', status: 404, title: 'No such offer' }),
  needNotFound: defineProblem({ code: 'needs.not_found', status: 404, title: 'No such need' }),
  wrongKind: defineProblem({
    code: 'catalogue.wrong_kind',
    status: 403,
    title: 'SMEs publish offers and buyers publish needs',
  }),
}
