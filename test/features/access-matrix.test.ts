import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build } from '../helpers/build.js'
import { addUser, affiliate, createOrgWithAdmin, signIn, type Person } from '../helpers/accounts.js'
import { changedTables, EVENT_INPUT, fingerprint, NEED_INPUT, OFFER_INPUT } from '../helpers/api-world.js'
import { noticeXml, twoLotContractNotice } from '../helpers/notices.js'
import { editionInput } from '../helpers/builders.js'

/**
 * Every API route × every kind of caller. A route missing here fails the test,
 * so a new route cannot ship without its row. Denied writes must change nothing.
 */

type Role = 'anonymous' | 'smeAdmin' | 'smeMember' | 'otherSme' | 'buyer' | 'organiser' | 'otherOrganiser' | 'authority'
const ROLES: Role[] = [
  'anonymous',
  'smeAdmin',
  'smeMember',
  'otherSme',
  'buyer',
  'organiser',
  'otherOrganiser',
  'authority',
]
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous')

interface World {
  app: FastifyInstance
  people: Record<Exclude<Role, 'anonymous'>, Person>
  sme: string
  hub: string
  buyer: string
  offer: string
  need: string
  edition: string
  event: string
}

interface Case {
  allowed: Role[]
  /** Builds the request; may create fresh targets so allowed destructive calls do not disturb others. */
  request(world: World, role: Role): Promise<{ url: string; payload?: unknown }>
  /** The call ends the caller's session or account: give it a fresh one. */
  freshCaller?: boolean
  /** How a signed-in caller without access is refused, when not a 403 (a record they may not know of is a 404). */
  refusal?: [number, string] | ((role: Role) => [number, string])
}

const everyone = ROLES
const fixed = (url: string, payload?: unknown) => async () => ({ url, ...(payload === undefined ? {} : { payload }) })
let counter = 0
const fresh = () => `fresh${++counter}@matrix.example`

const MATRIX: Record<string, Case> = {
  'GET /health': { allowed: everyone, request: fixed('/health') },
  // Public: the operator's bearer token, not a session, opens it (test/infra/metrics.test.ts).
  'GET /metrics': { allowed: everyone, request: fixed('/metrics') },
  'GET /api/organisers': { allowed: everyone, request: fixed('/api/organisers') },
  'POST /api/auth/sign-up': {
    allowed: everyone,
    request: async (w) => ({
      url: '/api/auth/sign-up',
      payload: {
        kind: 'sme',
        organiserId: w.hub,
        organisation: {
          legalName: 'New Srl',
          vatId: '01234567806',
          country: 'IT',
          nuts2: 'ITC1',
          address: { street: 'Via A 1', postalCode: '10100', city: 'Torino' },
          sizeClass: 'micro',
          innovativeStartup: false,
          isSme: true,
          languages: ['it'],
        },
        user: { name: 'N', email: fresh(), language: 'it', timeZone: 'Europe/Rome' },
        consents: { profileVisibleToMatches: true, emailNotifications: true },
      },
    }),
  },
  'POST /api/auth/magic-link': {
    allowed: everyone,
    request: async () => ({ url: '/api/auth/magic-link', payload: { email: fresh() } }),
  },
  'POST /api/auth/magic-link/verify': {
    allowed: everyone,
    request: fixed('/api/auth/magic-link/verify', { token: 'x'.repeat(43) }),
  },
  'POST /api/auth/password': {
    allowed: everyone,
    request: fixed('/api/auth/password', { email: 'nobody@matrix.example', password: 'whatever-it-is' }),
  },
  'GET /api/invitations/:token': { allowed: everyone, request: fixed(`/api/invitations/${'y'.repeat(43)}`) },
  'POST /api/invitations/accept': {
    allowed: everyone,
    request: fixed('/api/invitations/accept', { token: 'y'.repeat(43) }),
  },
  'GET /api/dev/mailbox': { allowed: everyone, request: fixed('/api/dev/mailbox') },
  'GET /api/taxonomies/:kind': { allowed: everyone, request: fixed('/api/taxonomies/cpv?q=autobus&lang=it') },

  'GET /api/auth/session': { allowed: SIGNED_IN, request: fixed('/api/auth/session') },
  'POST /api/auth/sign-out': { allowed: SIGNED_IN, request: fixed('/api/auth/sign-out'), freshCaller: true },
  'POST /api/auth/sign-out-everywhere': {
    allowed: SIGNED_IN,
    request: fixed('/api/auth/sign-out-everywhere'),
    freshCaller: true,
  },
  'GET /api/me': { allowed: SIGNED_IN, request: fixed('/api/me') },
  'PATCH /api/me': { allowed: SIGNED_IN, request: fixed('/api/me', { language: 'it' }) },
  'PUT /api/me/password': {
    allowed: SIGNED_IN,
    request: fixed('/api/me/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'correct horse battery',
    }),
  },
  'GET /api/me/consents': { allowed: SIGNED_IN, request: fixed('/api/me/consents') },
  'POST /api/taxonomies/cpv/suggestions': {
    allowed: SIGNED_IN,
    request: fixed('/api/taxonomies/cpv/suggestions', {
      title: 'Autobus elettrici',
      description: 'Autobus urbani a batteria.',
      language: 'it',
    }),
  },
  'PUT /api/me/consents': {
    allowed: SIGNED_IN,
    request: fixed('/api/me/consents', { profileVisibleToMatches: true, emailNotifications: true }),
  },
  'GET /api/me/export': { allowed: SIGNED_IN, request: fixed('/api/me/export') },
  'DELETE /api/me': {
    allowed: SIGNED_IN,
    request: async () => ({ url: '/api/me', payload: { confirmEmail: 'ignored@matrix.example' } }),
    freshCaller: true,
  },

  'GET /api/organisations/:orgId': {
    allowed: ['smeAdmin', 'smeMember', 'organiser', 'authority'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}` }),
  },
  'PATCH /api/organisations/:orgId': {
    allowed: ['smeAdmin'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}`, payload: { website: 'https://hacked.example' } }),
  },
  'GET /api/organisations/:orgId/members': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/members` }),
  },
  'PATCH /api/organisations/:orgId/members/:userId': {
    allowed: ['smeAdmin'],
    request: async (w) => ({
      url: `/api/organisations/${w.sme}/members/${(await addUser(w.app, { orgId: w.sme, email: fresh(), role: 'member' })).userId}`,
      payload: { role: 'admin' },
    }),
  },
  'DELETE /api/organisations/:orgId/members/:userId': {
    allowed: ['smeAdmin'],
    request: async (w) => ({
      url: `/api/organisations/${w.sme}/members/${(await addUser(w.app, { orgId: w.sme, email: fresh(), role: 'member' })).userId}`,
    }),
  },
  'GET /api/organisations/:orgId/invitations': {
    allowed: ['smeAdmin'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/invitations` }),
  },
  'POST /api/organisations/:orgId/invitations': {
    allowed: ['smeAdmin'],
    request: async (w) => ({
      url: `/api/organisations/${w.sme}/invitations`,
      payload: { email: fresh(), role: 'admin' },
    }),
  },
  'DELETE /api/organisations/:orgId/invitations/:invitationId': {
    allowed: ['smeAdmin'],
    request: async (w) => {
      const admin = await callerFor(w, 'smeAdmin', false)
      const invitation = (
        await admin({
          method: 'POST',
          url: `/api/organisations/${w.sme}/invitations`,
          payload: { email: fresh(), role: 'member' },
        })
      ).json()
      return { url: `/api/organisations/${w.sme}/invitations/${invitation.id}` }
    },
  },

  'GET /api/organisers/:orgId/participants': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/organisers/${w.hub}/participants` }),
  },
  'GET /api/organisers/:orgId/participants/page': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/organisers/${w.hub}/participants/page?status=validated&q=a` }),
  },
  'GET /api/organisers/:orgId/tenders': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/organisers/${w.hub}/tenders?status=open&q=a` }),
  },
  'POST /api/organisers/:orgId/tenders/preview': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/organisers/${w.hub}/tenders/preview`,
      payload: { files: [{ name: 'cn.xml', content: noticeXml(twoLotContractNotice()) }] },
    }),
  },
  'POST /api/organisers/:orgId/tenders/import': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/organisers/${w.hub}/tenders/import`,
      payload: { files: [{ name: 'cn.xml', content: noticeXml(twoLotContractNotice()) }] },
    }),
  },
  'POST /api/organisers/:orgId/participants/:participantId/decision': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/organisers/${w.hub}/participants/${w.sme}/decision`,
      payload: { decision: 'validated' },
    }),
  },
  'POST /api/organisers/:orgId/participant-invitations': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/organisers/${w.hub}/participant-invitations`,
      payload: { email: fresh(), kind: 'buyer', legalName: 'Invited GmbH' },
    }),
  },
  'GET /api/audit': { allowed: ['organiser', 'otherOrganiser', 'authority'], request: fixed('/api/audit?limit=5') },

  'GET /api/organisations/:orgId/offers': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/offers` }),
  },
  'POST /api/organisations/:orgId/offers': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/offers`, payload: OFFER_INPUT }),
  },
  'GET /api/organisations/:orgId/offers/:offerId': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/offers/${w.offer}` }),
  },
  'PATCH /api/organisations/:orgId/offers/:offerId': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/offers/${w.offer}`, payload: { trl: 8 } }),
  },
  'DELETE /api/organisations/:orgId/offers/:offerId': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/offers/${await newOffer(w)}` }),
  },
  'GET /api/organisations/:orgId/needs': {
    allowed: ['buyer'],
    request: async (w) => ({ url: `/api/organisations/${w.buyer}/needs` }),
  },
  'POST /api/organisations/:orgId/needs': {
    allowed: ['buyer'],
    request: async (w) => ({ url: `/api/organisations/${w.buyer}/needs`, payload: NEED_INPUT }),
  },
  'GET /api/organisations/:orgId/needs/:needId': {
    allowed: ['buyer'],
    request: async (w) => ({ url: `/api/organisations/${w.buyer}/needs/${w.need}` }),
  },
  'PATCH /api/organisations/:orgId/needs/:needId': {
    allowed: ['buyer'],
    request: async (w) => ({ url: `/api/organisations/${w.buyer}/needs/${w.need}`, payload: { minTrl: 6 } }),
  },
  'DELETE /api/organisations/:orgId/needs/:needId': {
    allowed: ['buyer'],
    request: async (w) => ({ url: `/api/organisations/${w.buyer}/needs/${await newNeed(w)}` }),
  },
  'GET /api/offers/:offerId': {
    allowed: ['buyer', 'organiser', 'otherOrganiser', 'authority'],
    request: async (w) => ({ url: `/api/offers/${w.offer}` }),
  },
  'GET /api/needs/:needId': {
    allowed: ['smeAdmin', 'smeMember', 'otherSme', 'organiser', 'otherOrganiser', 'authority'],
    request: async (w) => ({ url: `/api/needs/${w.need}` }),
  },
  'GET /api/needs/:needId/tender': {
    allowed: ['smeAdmin', 'smeMember', 'otherSme', 'organiser', 'otherOrganiser', 'authority'],
    request: async (w) => ({ url: `/api/needs/${w.need}/tender` }),
  },
  'GET /api/offers/:offerId/matches': {
    allowed: ['smeAdmin', 'smeMember', 'organiser'],
    refusal: (role) =>
      ['otherSme', 'otherOrganiser'].includes(role) ? [404, 'offers.not_found'] : [403, 'auth.forbidden'],
    request: async (w) => ({ url: `/api/offers/${w.offer}/matches?limit=5` }),
  },
  'GET /api/needs/:needId/matches': {
    allowed: ['buyer', 'organiser'],
    refusal: (role) => (role === 'otherOrganiser' ? [404, 'needs.not_found'] : [403, 'auth.forbidden']),
    request: async (w) => ({ url: `/api/needs/${w.need}/matches?lang=it` }),
  },
  'GET /api/search/offers': {
    allowed: ['buyer', 'organiser', 'otherOrganiser', 'authority'],
    request: fixed('/api/search/offers?q=bus'),
  },
  'GET /api/organisers/:orgId/editions': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/organisers/${w.hub}/editions` }),
  },
  'POST /api/organisers/:orgId/editions': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/organisers/${w.hub}/editions`, payload: editionInput() }),
  },
  'GET /api/editions/:editionId': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/editions/${w.edition}` }),
  },
  'PATCH /api/editions/:editionId': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/editions/${w.edition}`, payload: { budgetEur: 250000 } }),
  },
  'GET /api/editions/:editionId/events': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/editions/${w.edition}/events` }),
  },
  'POST /api/editions/:editionId/events': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/editions/${w.edition}/events`, payload: EVENT_INPUT }),
  },
  'GET /api/events/:eventId': {
    allowed: ['organiser', 'authority', 'smeAdmin', 'smeMember', 'buyer'],
    request: async (w) => ({ url: `/api/events/${w.event}` }),
  },
  'PATCH /api/events/:eventId': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}`, payload: { venue: 'Lingotto, Torino' } }),
  },
  'GET /api/events/:eventId/slots': {
    allowed: ['organiser', 'authority', 'smeAdmin', 'smeMember', 'buyer'],
    request: async (w) => ({ url: `/api/events/${w.event}/slots` }),
  },
  'GET /api/events/:eventId/participations': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/events/${w.event}/participations` }),
  },
  'PUT /api/events/:eventId/participations/:orgId': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/participations/${(await createOrgWithAdmin(w.app, { kind: 'sme', name: 'Targeted', email: fresh() })).orgId}`,
      payload: { status: 'targeted' },
    }),
  },
  'PUT /api/events/:eventId/participations/:orgId/availability': {
    allowed: ['smeAdmin', 'smeMember', 'organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/participations/${w.sme}/availability`,
      payload: { unavailableSlots: [1] },
    }),
  },
  'POST /api/events/:eventId/requests': {
    allowed: ['smeAdmin', 'smeMember', 'organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/requests`,
      payload: { fromOrganisationId: w.sme, toOrganisationId: await selectedBuyer(w), priority: 'meet' },
    }),
  },
  'GET /api/events/:eventId/meeting-partners': {
    allowed: ['smeAdmin', 'smeMember', 'organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/meeting-partners?organisationId=${w.sme}` }),
  },
  'GET /api/events/:eventId/requests': {
    allowed: ['smeAdmin', 'smeMember', 'organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/requests?organisationId=${w.sme}` }),
  },
  'GET /api/events/:eventId/requests/overview': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/requests/overview?status=pending` }),
  },
  'POST /api/requests/:requestId/accept': {
    allowed: ['buyer'],
    refusal: [404, 'requests.not_found'],
    request: async (w) => ({ url: `/api/requests/${await requestTo(w, w.buyer)}/accept`, payload: {} }),
  },
  'POST /api/requests/:requestId/decline': {
    allowed: ['buyer'],
    refusal: [404, 'requests.not_found'],
    request: async (w) => ({
      url: `/api/requests/${await requestTo(w, w.buyer)}/decline`,
      payload: { reason: 'No capacity' },
    }),
  },
  'POST /api/requests/:requestId/withdraw': {
    allowed: ['smeAdmin', 'smeMember'],
    refusal: [404, 'requests.not_found'],
    request: async (w) => ({ url: `/api/requests/${await requestFromSme(w)}/withdraw`, payload: {} }),
  },
  'GET /api/events/:eventId/participations/:orgId/representatives': {
    allowed: ['buyer', 'organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/participations/${w.buyer}/representatives` }),
  },
  'PUT /api/events/:eventId/participations/:orgId/representatives': {
    allowed: ['buyer', 'organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/participations/${w.buyer}/representatives`,
      payload: { representatives: [{ name: 'Anna Weber', email: 'anna@buyer.example' }] },
    }),
  },
  'PUT /api/requests/:requestId/representative': {
    allowed: ['buyer', 'organiser'],
    refusal: (role) =>
      role === 'smeAdmin' || role === 'smeMember'
        ? [403, 'representatives.not_buyer_side']
        : [404, 'requests.not_found'],
    request: async (w) => ({
      url: `/api/requests/${await requestFromSmeTo(w, w.buyer)}/representative`,
      payload: { representativeId: null },
    }),
  },
  'POST /api/events/:eventId/schedules': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/schedules`, payload: { timeLimitSeconds: 1 } }),
  },
  'GET /api/events/:eventId/schedules': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/schedules` }),
  },
  'GET /api/events/:eventId/schedules/:scheduleId': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/schedules/${await scheduleOf(w)}` }),
  },
  'PUT /api/events/:eventId/schedules/:scheduleId/assignments/:requestId': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/schedules/${await scheduleOf(w)}/assignments/${await requestFromSmeTo(w, w.buyer)}`,
      payload: { slot: 0, tableIndex: 0 },
    }),
  },
  'POST /api/events/:eventId/schedules/:scheduleId/publish': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/schedules/${await scheduleOf(w)}/publish` }),
  },
  'POST /api/events/:eventId/schedules/:scheduleId/cancel': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/schedules/${await scheduleOf(w)}/cancel` }),
  },
  'GET /api/events/:eventId/agenda/:orgId': {
    allowed: ['smeAdmin', 'smeMember', 'organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/agenda/${w.sme}` }),
  },
  'GET /api/organisations/:orgId/calendar-feed': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/calendar-feed` }),
  },
  'POST /api/organisations/:orgId/calendar-feed': {
    allowed: ['smeAdmin'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/calendar-feed` }),
  },
  'GET /api/calendar/:token': { allowed: everyone, request: fixed(`/api/calendar/${'z'.repeat(43)}.ics`) },
  'GET /api/live': {
    allowed: ['smeAdmin', 'smeMember'],
    refusal: [403, 'live.forbidden_channel'],
    request: async (w) => ({ url: `/api/live?organisation=${w.sme}` }),
  },
  'POST /api/events/:eventId/check-ins/:orgId': {
    allowed: ['smeAdmin', 'smeMember', 'organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/check-ins/${w.sme}` }),
  },
  'POST /api/events/:eventId/absences/:orgId': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/absences/${w.buyer}` }),
  },
  'GET /api/events/:eventId/absences/:orgId': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/absences/${w.buyer}` }),
  },
  'DELETE /api/events/:eventId/absences/:orgId': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/absences/${w.buyer}` }),
  },
  'GET /api/events/:eventId/board': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/board` }),
  },
  'POST /api/events/:eventId/repairs': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/repairs`,
      payload: { meetingId: '00000000-0000-4000-8000-000000000000', organisationId: w.sme },
    }),
  },
  'GET /api/events/:eventId/today/:orgId': {
    allowed: ['smeAdmin', 'smeMember', 'organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/today/${w.sme}` }),
  },
  'PUT /api/meetings/:meetingId/feedback': {
    allowed: ['smeAdmin', 'smeMember', 'buyer'],
    refusal: [404, 'meetings.not_found'],
    request: async (w) => ({
      url: `/api/meetings/${await meetingOf(w)}/feedback`,
      payload: { held: true, interest: 'informative' },
    }),
  },
  'GET /api/meetings/:meetingId/feedback': {
    allowed: ['smeAdmin', 'smeMember', 'buyer', 'organiser'],
    refusal: [404, 'meetings.not_found'],
    request: async (w) => ({ url: `/api/meetings/${await meetingOf(w)}/feedback` }),
  },
  'POST /api/events/:eventId/targeting/preview': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/targeting/preview`,
      payload: { format: 'csv', content: TARGETS() },
    }),
  },
  'POST /api/events/:eventId/targeting/import': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/targeting/import`,
      payload: { format: 'csv', content: TARGETS() },
    }),
  },
  'GET /api/events/:eventId/targeting/export': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/events/${w.event}/targeting/export?format=csv` }),
  },
  'POST /api/events/:eventId/applications/:orgId': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/events/${w.event}/applications/${w.sme}` }),
  },
  'GET /api/organisations/:orgId/participations': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/participations` }),
  },
  'GET /api/organisations/:orgId/open-events': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/open-events` }),
  },
  'GET /api/events/:eventId/participations/board': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/events/${w.event}/participations/board?q=a` }),
  },
  'GET /api/events/:eventId/participations/counts': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/events/${w.event}/participations/counts` }),
  },
  'POST /api/organisations/:orgId/contracts': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/contracts`, payload: CONTRACT(w) }),
  },
  'GET /api/organisations/:orgId/contracts': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/contracts` }),
  },
  'GET /api/organisations/:orgId/home': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/home` }),
  },
  'GET /api/editions/:editionId/contracts': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/editions/${w.edition}/contracts` }),
  },
  'GET /api/editions/:editionId/contracts/overview': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/editions/${w.edition}/contracts/overview?status=reported&q=a` }),
  },
  'GET /api/contracts/:contractId': {
    allowed: ['smeAdmin', 'smeMember', 'buyer', 'organiser', 'authority'],
    refusal: [404, 'contracts.not_found'],
    request: async (w) => ({ url: `/api/contracts/${await sharedContract(w)}` }),
  },
  'POST /api/contracts/:contractId/confirm': {
    allowed: ['buyer'],
    refusal: (role) =>
      ['otherSme', 'otherOrganiser'].includes(role) ? [404, 'contracts.not_found'] : [403, 'contracts.not_counterpart'],
    request: async (w) => ({ url: `/api/contracts/${await contractFromSme(w)}/confirm` }),
  },
  'POST /api/contracts/:contractId/decision': {
    allowed: ['organiser'],
    refusal: (role) => (role === 'otherOrganiser' ? [404, 'contracts.not_found'] : [403, 'auth.forbidden']),
    request: async (w) => ({
      url: `/api/contracts/${await contractFromSme(w)}/decision`,
      payload: { decision: 'rejected', note: 'Not a supply contract' },
    }),
  },
  'PUT /api/contracts/:contractId/evidence': {
    allowed: ['smeAdmin', 'smeMember', 'buyer'],
    refusal: (role) => (role === 'otherSme' ? [404, 'contracts.not_found'] : [403, 'auth.forbidden']),
    request: async (w) => ({ url: `/api/contracts/${await sharedContract(w)}/evidence`, payload: {} }),
  },
  'GET /api/contracts/:contractId/evidence': {
    allowed: ['smeAdmin', 'smeMember', 'buyer', 'organiser', 'authority'],
    refusal: [404, 'contracts.not_found'],
    request: async (w) => ({ url: `/api/contracts/${await sharedContract(w)}/evidence` }),
  },
  'GET /api/editions/:editionId/kpis': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/editions/${w.edition}/kpis` }),
  },
  'GET /api/editions/:editionId/kpis/rows/:table': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/editions/${w.edition}/kpis/rows/contracts` }),
  },
  'GET /api/editions/:editionId/kpis/export': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/editions/${w.edition}/kpis/export?format=csv&table=smes` }),
  },
  'GET /api/events/:eventId/kpis': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/events/${w.event}/kpis` }),
  },
  'GET /api/events/:eventId/kpis/rows/:table': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/events/${w.event}/kpis/rows/smes` }),
  },
  'GET /api/events/:eventId/kpis/export': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/events/${w.event}/kpis/export?format=csv` }),
  },
  'GET /api/organisers/:orgId/kpis': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/organisers/${w.hub}/kpis` }),
  },
  'GET /api/organisers/:orgId/kpis/rows/:table': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/organisers/${w.hub}/kpis/rows/eligibility` }),
  },
  'GET /api/organisers/:orgId/kpis/export': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/organisers/${w.hub}/kpis/export?format=csv&table=pipeline` }),
  },
  'GET /api/kpis': { allowed: ['authority'], request: fixed('/api/kpis') },
  'GET /api/kpis/rows/:table': { allowed: ['authority'], request: fixed('/api/kpis/rows/turnover') },
  'GET /api/kpis/export': { allowed: ['authority'], request: fixed('/api/kpis/export?format=csv&table=contracts') },
  'GET /api/organisations/:orgId/performance': {
    allowed: ['smeAdmin', 'smeMember', 'organiser', 'authority'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/performance` }),
  },
  'PUT /api/organisations/:orgId/performance/:year': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({
      url: `/api/organisations/${w.sme}/performance/2024`,
      payload: { turnoverEur: 1000000, exportEur: 100000, source: 'self_declared' },
    }),
  },
  'GET /api/editions/:editionId/vouchers': {
    allowed: ['organiser', 'authority'],
    request: async (w) => ({ url: `/api/editions/${w.edition}/vouchers` }),
  },
  'PUT /api/editions/:editionId/vouchers/:orgId': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/editions/${w.edition}/vouchers/${w.sme}`, payload: { budgetEur: 100000 } }),
  },
  'GET /api/organisations/:orgId/vouchers': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/organisations/${w.sme}/vouchers` }),
  },
  'POST /api/organisations/:orgId/voucher-claims': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({
      url: `/api/organisations/${w.sme}/voucher-claims`,
      payload: { editionId: w.edition, category: 'coaching', amountEur: 10, description: 'Pitch coaching' },
    }),
  },
  'PUT /api/voucher-claims/:claimId/receipt': {
    allowed: ['smeAdmin', 'smeMember'],
    refusal: (role) => (role === 'otherSme' ? [404, 'vouchers.claim_not_found'] : [403, 'auth.forbidden']),
    request: async (w) => ({ url: `/api/voucher-claims/${await voucherClaim(w)}/receipt`, payload: {} }),
  },
  'GET /api/voucher-claims/:claimId/receipt': {
    allowed: ['smeAdmin', 'smeMember', 'organiser', 'authority'],
    refusal: [404, 'vouchers.claim_not_found'],
    request: async (w) => ({ url: `/api/voucher-claims/${await voucherClaim(w)}/receipt` }),
  },
  'POST /api/voucher-claims/:claimId/decision': {
    allowed: ['organiser'],
    refusal: (role) => (role === 'otherOrganiser' ? [404, 'vouchers.claim_not_found'] : [403, 'auth.forbidden']),
    request: async (w) => ({
      url: `/api/voucher-claims/${await voucherClaim(w)}/decision`,
      payload: { decision: 'rejected', reason: 'No receipt' },
    }),
  },
  'GET /api/events/:eventId/recommendations/:orgId': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({ url: `/api/events/${w.event}/recommendations/${w.sme}` }),
  },
  'PUT /api/events/:eventId/recommendations/:orgId/marks/:otherOrgId': {
    allowed: ['smeAdmin', 'smeMember'],
    request: async (w) => ({
      url: `/api/events/${w.event}/recommendations/${w.sme}/marks/${w.buyer}`,
      payload: { mark: 'meet' },
    }),
  },
  'POST /api/events/:eventId/recommendations/recompute': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/recommendations/recompute` }),
  },
  'GET /api/events/:eventId/curation': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/curation?minScore=0.1` }),
  },
  'POST /api/events/:eventId/curation/decisions': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/curation/decisions`,
      payload: { pairs: [{ smeId: w.sme, buyerId: w.buyer }], status: 'shortlisted' },
    }),
  },
  'POST /api/events/:eventId/curation/suggest': {
    allowed: ['organiser'],
    request: async (w) => ({
      url: `/api/events/${w.event}/curation/suggest`,
      payload: { pairs: [{ smeId: w.sme, buyerId: w.buyer }] },
    }),
  },
  'GET /api/events/:eventId/curation/settings': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/curation/settings` }),
  },
  'PUT /api/events/:eventId/curation/settings': {
    allowed: ['organiser'],
    request: async (w) => ({ url: `/api/events/${w.event}/curation/settings`, payload: { allowRepeatMeetings: true } }),
  },
  'GET /api/search/needs': {
    allowed: ['smeAdmin', 'smeMember', 'otherSme', 'organiser', 'otherOrganiser', 'authority'],
    request: fixed('/api/search/needs?q=bus'),
  },
}

const TARGETS = () => `legalName,kind,country,nuts2\nTarget ${fresh()},sme,IT,ITC1\n`

/** A new buyer selected for the event, so a fresh request can be made without hitting the one-open-request rule. */
async function selectedBuyer(w: World): Promise<string> {
  const buyer = await createOrgWithAdmin(w.app, {
    kind: 'buyer',
    name: 'Fresh buyer',
    email: fresh(),
    country: 'DE',
    nuts2: 'DE21',
  })
  const hub = await callerFor(w, 'organiser', false)
  for (const status of ['invited', 'selected'])
    await hub({ method: 'PUT', url: `/api/events/${w.event}/participations/${buyer.orgId}`, payload: { status } })
  return buyer.orgId
}

/** A pending request from a new selected SME to the given buyer. */
async function requestTo(w: World, buyerId: string): Promise<string> {
  const sme = await createOrgWithAdmin(w.app, { kind: 'sme', name: 'Fresh SME', email: fresh() })
  const hub = await callerFor(w, 'organiser', false)
  for (const status of ['invited', 'selected'])
    await hub({ method: 'PUT', url: `/api/events/${w.event}/participations/${sme.orgId}`, payload: { status } })
  const agent = await signIn(w.app, sme.email)
  return (
    await agent.inject({
      method: 'POST',
      url: `/api/events/${w.event}/requests`,
      payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyerId, priority: 'meet' },
    })
  ).json().id
}

/** A scheduler run of the world's event (queued: the outbox does not run here), made once. */
const runs = new Map<string, string>()
async function scheduleOf(w: World): Promise<string> {
  if (!runs.has(w.event)) {
    const [row] = await w.app
      .sql`insert into schedules (event_id, options) values (${w.event}, ${JSON.stringify({ timeLimitSeconds: 1, fairness: 2, seed: 1, keepPublished: true })}::jsonb) returning id`
    runs.set(w.event, row!.id as string)
  }
  return runs.get(w.event)!
}

/** A published meeting between the world's SME and buyer, made once. */
const worldMeetings = new Map<string, string>()
async function meetingOf(w: World): Promise<string> {
  if (!worldMeetings.has(w.event)) {
    const requestId = await requestFromSmeTo(w, w.buyer)
    const [row] = await w.app
      .sql`insert into meetings (event_id, request_id, sme_id, buyer_id, slot, table_index) values (${w.event}, ${requestId}, ${w.sme}, ${w.buyer}, 0, 0) returning id`
    worldMeetings.set(w.event, row!.id as string)
  }
  return worldMeetings.get(w.event)!
}

/** A pending request from the world's SME to a new selected buyer. */
async function requestFromSme(w: World): Promise<string> {
  return requestFromSmeTo(w, await selectedBuyer(w))
}

/** A request from the world's SME to the buyer, made once and reused (one open request per pair). */
const smeRequests = new Map<string, string>()
async function requestFromSmeTo(w: World, buyerId: string): Promise<string> {
  const key = `${w.event}:${buyerId}`
  if (!smeRequests.has(key)) {
    const admin = await callerFor(w, 'smeAdmin', false)
    smeRequests.set(
      key,
      (
        await admin({
          method: 'POST',
          url: `/api/events/${w.event}/requests`,
          payload: { fromOrganisationId: w.sme, toOrganisationId: buyerId, priority: 'meet' },
        })
      ).json().id,
    )
  }
  return smeRequests.get(key)!
}

const CONTRACT = (w: World) => ({
  counterpartId: w.buyer,
  editionId: w.edition,
  title: 'Retrofit kits order',
  kind: 'purchase_order',
  signedOn: '2026-10-01',
  valueEur: 25000,
})

/** A fresh contract the world's SME reported with its buyer. */
async function contractFromSme(w: World): Promise<string> {
  const admin = await callerFor(w, 'smeAdmin', false)
  return (await admin({ method: 'POST', url: `/api/organisations/${w.sme}/contracts`, payload: CONTRACT(w) })).json().id
}

const contracts = new Map<string, string>()
async function sharedContract(w: World): Promise<string> {
  if (!contracts.has(w.edition)) contracts.set(w.edition, await contractFromSme(w))
  return contracts.get(w.edition)!
}

/** A fresh pending voucher claim of the world's SME (its budget set once, large enough for every case). */
async function voucherClaim(w: World): Promise<string> {
  const hub = await callerFor(w, 'organiser', false)
  await hub({ method: 'PUT', url: `/api/editions/${w.edition}/vouchers/${w.sme}`, payload: { budgetEur: 100000 } })
  const admin = await callerFor(w, 'smeAdmin', false)
  await admin({
    method: 'POST',
    url: `/api/organisations/${w.sme}/voucher-claims`,
    payload: { editionId: w.edition, category: 'event_outside_region', amountEur: 10, description: 'Fair in Munich' },
  })
  const [row] = await w.app.sql`select id from voucher_claims order by claimed_at desc limit 1`
  return row!.id as string
}

async function newOffer(w: World): Promise<string> {
  const admin = await callerFor(w, 'smeAdmin', false)
  return (await admin({ method: 'POST', url: `/api/organisations/${w.sme}/offers`, payload: OFFER_INPUT })).json().id
}

async function newNeed(w: World): Promise<string> {
  const buyer = await callerFor(w, 'buyer', false)
  return (await buyer({ method: 'POST', url: `/api/organisations/${w.buyer}/needs`, payload: NEED_INPUT })).json().id
}

async function makeWorld(app: FastifyInstance): Promise<World> {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'organiser@matrix.example' })
  const otherHub = await createOrgWithAdmin(app, {
    kind: 'organiser',
    name: 'Other hub',
    email: 'other-organiser@matrix.example',
    country: 'FR',
    nuts2: 'FRK2',
  })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'SME A', email: 'sme-admin@matrix.example' })
  const smeMember = await addUser(app, { orgId: sme.orgId, email: 'sme-member@matrix.example', role: 'member' })
  const otherSme = await createOrgWithAdmin(app, { kind: 'sme', name: 'SME B', email: 'other-sme@matrix.example' })
  const buyer = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Buyer',
    email: 'buyer@matrix.example',
    country: 'DE',
    nuts2: 'DE21',
  })
  const authority = await createOrgWithAdmin(app, {
    kind: 'authority',
    name: 'Region',
    email: 'authority@matrix.example',
  })
  await affiliate(app, hub.orgId, sme.orgId)
  await affiliate(app, hub.orgId, buyer.orgId)
  await affiliate(app, otherHub.orgId, otherSme.orgId)
  const world = {
    app,
    sme: sme.orgId,
    hub: hub.orgId,
    buyer: buyer.orgId,
    offer: '',
    need: '',
    edition: '',
    event: '',
    people: { smeAdmin: sme, smeMember, otherSme, buyer, organiser: hub, otherOrganiser: otherHub, authority },
  }
  world.offer = await newOffer(world)
  world.need = await newNeed(world)
  const hubAgent = await callerFor(world, 'organiser', false)
  world.edition = (
    await hubAgent({ method: 'POST', url: `/api/organisers/${world.hub}/editions`, payload: editionInput() })
  ).json().id
  world.event = (
    await hubAgent({ method: 'POST', url: `/api/editions/${world.edition}/events`, payload: EVENT_INPUT })
  ).json().id
  for (const org of [world.sme, world.buyer]) {
    for (const status of ['invited', 'selected'])
      await hubAgent({ method: 'PUT', url: `/api/events/${world.event}/participations/${org}`, payload: { status } })
  }
  return world
}

const agents = new Map<string, Awaited<ReturnType<typeof signIn>>>()

/** One session per role, kept across cases; a fresh member of the same organisation when the call ends it. */
async function callerFor(world: World, role: Role, freshCaller: boolean) {
  if (role === 'anonymous')
    return (options: { method: string; url: string; payload?: unknown }) =>
      world.app.inject({ ...options, payload: options.payload as never })
  if (freshCaller)
    return (
      await signIn(
        world.app,
        (await addUser(world.app, { orgId: world.people[role].orgId, email: fresh(), role: 'member' })).email,
      )
    ).inject
  const key = `${world.sme}:${role}`
  if (!agents.has(key)) agents.set(key, await signIn(world.app, world.people[role].email))
  return agents.get(key)!.inject
}

/** Refusals by the access layer, as opposed to a feature's own answer (wrong password, expired link). */
const ACCESS_REFUSALS = ['auth.unauthenticated', 'auth.forbidden', 'auth.csrf_failed']

t.test('every route answers every kind of caller as its access rule says', async (t) => {
  // No timer runs: a reminder sent meanwhile would change the tables a refused call must leave alone.
  const app = await build(t, { outbox: { start: false }, timers: { start: false } })
  const world = await makeWorld(app)
  const routes = app
    .routeRules()
    .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/docs'))
    .map((r) => `${r.method} ${r.url}`)
  t.same([...routes].sort(), Object.keys(MATRIX).sort(), 'the matrix lists exactly the routes the app serves')

  for (const [route, spec] of Object.entries(MATRIX)) {
    const [method, path] = route.split(' ') as [string, string]
    for (const role of ROLES) {
      const call = await callerFor(world, role, spec.freshCaller ?? false)
      const { url, payload } = await spec.request(world, role)
      const before = spec.allowed.includes(role) ? undefined : await fingerprint(app)
      const res = await call({ method, url, ...(payload === undefined ? {} : { payload }) })
      const label = `${role} → ${method} ${path}: ${res.statusCode}`
      if (spec.allowed.includes(role)) {
        t.notOk([401, 403].includes(res.statusCode) && ACCESS_REFUSALS.includes(res.json().code), `${label} is allowed`)
        t.ok(res.statusCode < 500, `${label} is no server error`)
      } else {
        t.same(
          [res.statusCode, res.json().code],
          role === 'anonymous'
            ? [401, 'auth.unauthenticated']
            : typeof spec.refusal === 'function'
              ? spec.refusal(role)
              : (spec.refusal ?? [403, 'auth.forbidden']),
          `${label} is refused`,
        )
        const after = await fingerprint(app)
        t.same(changedTables(before!, after), [], `${label} changed nothing`)
      }
    }
  }
})

t.test('ids of another organisation in the path give no access, whatever the role in one’s own', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const world = await makeWorld(app)
  const other = await signIn(app, world.people.otherSme.email)
  t.equal(
    (
      await other.inject({
        method: 'PATCH',
        url: `/api/organisations/${world.sme}`,
        payload: { website: 'https://x.example' },
      })
    ).statusCode,
    403,
  )
  for (const url of [
    `/api/organisations/${world.sme}`,
    `/api/organisations/${world.sme}/members`,
    `/api/organisations/${world.sme}/invitations`,
  ]) {
    t.equal((await other.inject({ method: 'GET', url })).statusCode, 403, url)
  }
  const otherHub = await signIn(app, world.people.otherOrganiser.email)
  t.equal((await otherHub.inject({ method: 'GET', url: `/api/organisers/${world.hub}/participants` })).statusCode, 403)
  const audit = (await otherHub.inject({ method: 'GET', url: '/api/audit?limit=200' })).json() as {
    organisationId?: string
  }[]
  t.notOk(
    audit.some((e) => e.organisationId === world.sme || e.organisationId === world.hub),
    'another hub reads none of this hub’s trail',
  )
})
