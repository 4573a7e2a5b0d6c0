import { eventProblems } from '../events/events.errors.js'
import { defineProblem } from '../../infra/problems.js'

export const outcomesProblems = {
  contractNotFound: defineProblem({ code: 'contracts.not_found', status: 404, title: 'No such contract' }),
  wrongParties: defineProblem({
    code: 'contracts.wrong_parties',
    status: 400,
    title: 'A supply contract is between an SME and a buyer',
  }),
  badOrigin: defineProblem({
    code: 'contracts.bad_origin',
    status: 400,
    title: 'The edition, event or meeting does not fit this contract',
  }),
  illegalMove: defineProblem({
    code: 'contracts.illegal_move',
    status: 409,
    title: 'The contract cannot change that way',
  }),
  evidenceMissing: defineProblem({
    code: 'contracts.evidence_missing',
    status: 409,
    title: 'Attach the evidence document before verification',
  }),
  notCounterpart: defineProblem({
    code: 'contracts.not_counterpart',
    status: 403,
    title: 'Only the other side of the contract confirms it',
  }),
  badDocument: defineProblem({
    code: 'documents.bad_type',
    status: 415,
    title: 'Evidence must be a PDF, PNG or JPEG file',
  }),
  documentTooLarge: defineProblem({
    code: 'documents.too_large',
    status: 413,
    title: 'Evidence files are at most 5 MB',
  }),
  documentNotFound: defineProblem({ code: 'documents.not_found', status: 404, title: 'No document is attached' }),
  notSme: defineProblem({ code: 'performance.not_sme', status: 400, title: 'Performance reports are for SMEs' }),
  editionNotFound: defineProblem({ code: 'editions.not_found', status: 404, title: 'No such edition' }),
  eventNotFound: eventProblems.eventNotFound,
  claimNotFound: defineProblem({ code: 'vouchers.claim_not_found', status: 404, title: 'No such voucher claim' }),
  noBudget: defineProblem({
    code: 'vouchers.no_budget',
    status: 409,
    title: 'The claim exceeds the remaining voucher budget',
  }),
  claimDecided: defineProblem({ code: 'vouchers.already_decided', status: 409, title: 'The claim is already decided' }),
  reasonRequired: defineProblem({
    code: 'vouchers.reason_required',
    status: 400,
    title: 'Say why the claim is rejected',
  }),
}
