import t from 'tap'
import { build } from '../../helpers/build.js'
import { affiliate, createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { createEdition, createEvent } from '../../helpers/builders.js'

t.test(
  'a validated SME applies, the hub selects it, and the SME sees the event in its list; counts per step',
  async (t) => {
    const clock = fixedClock('2027-02-01T10:00:00Z')
    const app = await build(t, { clock, outbox: { start: false } })
    const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
    const other = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Other hub', email: 'other@hub.example' })
    const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
    const stranger = await createOrgWithAdmin(app, { kind: 'sme', name: 'Beta Srl', email: 'bea@beta.example' })
    await affiliate(app, hub.orgId, sme.orgId)
    await affiliate(app, other.orgId, stranger.orgId)
    const organiser = await signIn(app, 'hub@hub.example')
    const edition = await createEdition(organiser, hub.orgId, {
      kpiTargets: {
        events: 1,
        smesInvolved: 1,
        buyersOutsideTargeted: 1,
        buyersOutsideInvolved: 1,
        contracts: 1,
        turnoverChangePct: 1,
        exportChangePct: 1,
      },
    })
    const event = await createEvent(organiser, edition.id, {
      name: 'MtB Torino',
      days: [{ date: '2027-03-10', sessions: [{ name: 'm', start: '09:00', end: '11:00' }] }],
      registrationDeadline: '2027-02-15T18:00:00Z',
    })

    const ada = await signIn(app, 'ada@alpha.example')
    const open = (await ada.inject({ method: 'GET', url: `/api/organisations/${sme.orgId}/open-events` })).json()
    t.same(
      open.map((e: { eventName: string; status: string | null }) => [e.eventName, e.status]),
      [['MtB Torino', null]],
      'the SME finds the event it may apply to',
    )
    t.equal(
      (await ada.inject({ method: 'GET', url: `/api/events/${event.id}/slots` })).statusCode,
      403,
      'not before taking part',
    )
    const applied = await ada.inject({ method: 'POST', url: `/api/events/${event.id}/applications/${sme.orgId}` })
    t.same([applied.statusCode, applied.json().status], [200, 'applied'])
    const bea = await signIn(app, 'bea@beta.example')
    const refused = await bea.inject({ method: 'POST', url: `/api/events/${event.id}/applications/${stranger.orgId}` })
    t.same(
      [refused.statusCode, refused.json().code],
      [409, 'participation.not_validated'],
      'validated by another hub only',
    )
    await organiser.inject({
      method: 'PUT',
      url: `/api/events/${event.id}/participations/${sme.orgId}`,
      payload: { status: 'selected' },
    })
    t.same(
      (await ada.inject({ method: 'GET', url: `/api/organisations/${sme.orgId}/participations` }))
        .json()
        .map((p: { eventName: string; status: string }) => [p.eventName, p.status]),
      [['MtB Torino', 'selected']],
    )
    t.same((await organiser.inject({ method: 'GET', url: `/api/events/${event.id}/participations/counts` })).json(), {
      selected: 1,
    })
    t.equal(
      (await ada.inject({ method: 'GET', url: `/api/events/${event.id}/slots` })).json().length,
      6,
      'a participant reads the slot grid',
    )
    const bea2 = await bea.inject({ method: 'GET', url: `/api/organisations/${stranger.orgId}/open-events` })
    t.same(bea2.json(), [], 'an SME validated by another hub is not offered this edition’s events')

    clock.set('2027-02-16T00:00:00Z')
    const late = await createOrgWithAdmin(app, { kind: 'sme', name: 'Gamma Srl', email: 'gia@gamma.example' })
    await affiliate(app, hub.orgId, late.orgId)
    const gia = await signIn(app, 'gia@gamma.example')
    t.same(
      (await gia.inject({ method: 'POST', url: `/api/events/${event.id}/applications/${late.orgId}` })).json().code,
      'participation.registration_closed',
    )

    const later = await createEvent(organiser, edition.id, {
      name: 'MtB Novara',
      days: [{ date: '2027-03-20', sessions: [{ name: 'm', start: '09:00', end: '11:00' }] }],
    })
    const openTo = async () =>
      (
        await (
          await signIn(app, 'gia@gamma.example')
        ).inject({ method: 'GET', url: `/api/organisations/${late.orgId}/open-events` })
      )
        .json()
        .map((e: { eventId: string }) => e.eventId)
    t.same(await openTo(), [later.id], 'an event without a registration deadline is open…')
    clock.set('2027-03-21T08:00:00Z')
    t.same(await openTo(), [], '…until it is over')
  },
)
