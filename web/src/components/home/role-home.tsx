import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Membership } from '../../../../shared/schemas/accounts.js'
import { getHome, type Home } from '../../api/home-api.js'
import { AsyncView } from '../async-view.js'
import { useDateFormat } from '../use-date-format.js'
import { useFormats } from '../use-formats.js'
import { useLoad } from '../use-load.js'

/** The signed-in home: what the organisation should do next, each item a link to the page where it is done. */
export function RoleHome({ membership, userName }: { membership: Membership; userName: string }) {
  const { t } = useTranslation()
  const orgId = membership.organisation.id
  const home = useLoad(orgId, () => getHome(orgId))
  return (
    <section className="role-home" data-testid="role-home" data-kind={membership.organisation.kind}>
      <h1>{t('roleHome.title', { name: userName })}</h1>
      <p className="lead">{t('roleHome.lead', { organisation: membership.organisation.legalName })}</p>
      <AsyncView result={home.result} onRetry={() => home.reload()}>
        {(data) => <HomeBody home={data} />}
      </AsyncView>
    </section>
  )
}

interface Step {
  key: string
  title: string
  detail?: ReactNode
  to: string
  action: string
  tone: 'urgent' | 'todo' | 'done'
}

function HomeBody({ home }: { home: Home }) {
  const { t } = useTranslation()
  const steps = useSteps(home)
  const todo = steps.filter((step) => step.tone !== 'done')
  const done = steps.filter((step) => step.tone === 'done')
  const participant = home.organisation.kind === 'sme' || home.organisation.kind === 'buyer'
  return (
    <>
      <section className="panel" aria-labelledby="next-steps-title">
        <h2 id="next-steps-title">{t('roleHome.nextTitle')}</h2>
        {todo.length === 0 ? (
          <p className="muted" data-testid="home-nothing-waiting">
            {t('roleHome.nothingWaiting')}
          </p>
        ) : (
          <StepList steps={todo} />
        )}
      </section>
      {participant && (
        <div className="two-columns">
          <NextMeeting home={home} />
          <MyEvents home={home} />
        </div>
      )}
      {done.length > 0 && (
        <section className="panel" aria-labelledby="done-steps-title">
          <h2 id="done-steps-title">{t('roleHome.doneTitle')}</h2>
          <StepList steps={done} />
        </section>
      )}
    </>
  )
}

function StepList({ steps }: { steps: Step[] }) {
  return (
    <ul className="next-steps">
      {steps.map((step) => (
        <li key={step.key} className={`next-step next-step-${step.tone}`} data-testid={`home-step-${step.key}`}>
          <div>
            <strong>{step.title}</strong>
            {step.detail && <div className="muted">{step.detail}</div>}
          </div>
          <Link
            to={step.to}
            className={step.tone === 'done' ? 'button button-secondary button-small' : 'button button-small'}
          >
            {step.action}
          </Link>
        </li>
      ))}
    </ul>
  )
}

/** Everything the organisation could do now, most urgent first; what is already fine comes last, as reassurance. */
function useSteps(home: Home): Step[] {
  const { t } = useTranslation()
  const formats = useFormats()
  const when = useDateFormat('dateTime')
  const orgId = home.organisation.id
  const kind = home.organisation.kind
  const steps: Step[] = []

  const byEvent = new Map<string, { name: string; count: number }>()
  for (const request of home.requestsToAnswer) {
    const entry = byEvent.get(request.eventId) ?? { name: request.eventName, count: 0 }
    byEvent.set(request.eventId, { ...entry, count: entry.count + 1 })
  }
  for (const [eventId, { name, count }] of byEvent) {
    const quota = home.quotas.find((q) => q.eventId === eventId)
    steps.push({
      key: `requests-${eventId}`,
      title: t('roleHome.requests', { count, event: name }),
      detail: [
        home.requestsToAnswer
          .filter((r) => r.eventId === eventId)
          .slice(0, 3)
          .map((r) => r.fromName)
          .join(', '),
        quota ? t('roleHome.quota', { left: Math.max(0, quota.quota - quota.accepted), quota: quota.quota }) : null,
      ]
        .filter(Boolean)
        .join(' · '),
      to: `/events/${eventId}/requests`,
      action: t('roleHome.answer'),
      tone: 'urgent',
    })
  }
  for (const contract of home.contractsToConfirm)
    steps.push({
      key: `contract-${contract.contractId}`,
      title: t('roleHome.contract', { title: contract.title }),
      detail: `${contract.counterpartName} · ${formats.eur(contract.valueEur)}`,
      to: `/organisations/${orgId}/contracts`,
      action: t('roleHome.confirm'),
      tone: 'urgent',
    })
  if (home.reportsDue.length > 0)
    steps.push({
      key: 'reports',
      title: t('roleHome.reports', {
        count: home.reportsDue.length,
        years: home.reportsDue.map(formats.year).join(', '),
      }),
      detail: t('roleHome.reportsWhy'),
      to: `/organisations/${orgId}/contracts#performance`,
      action: t('roleHome.report'),
      tone: 'todo',
    })
  for (const event of home.openEvents)
    steps.push({
      key: `open-${event.eventId}`,
      title: t(event.status === 'invited' ? 'roleHome.invited' : 'roleHome.openEvent', { event: event.eventName }),
      detail: [
        event.firstDay ? formats.day(event.firstDay) : null,
        event.registrationDeadline ? t('roleHome.applyBy', { date: when(event.registrationDeadline) }) : null,
      ]
        .filter(Boolean)
        .join(' · '),
      to: `/organisations/${orgId}/events`,
      action: t('roleHome.apply'),
      tone: 'todo',
    })
  if (kind === 'sme' || kind === 'buyer') {
    const missing = home.missingProfileFields
    steps.push({
      key: 'profile',
      title: missing.length > 0 ? t('roleHome.profileMissing', { count: missing.length }) : t('roleHome.profileDone'),
      detail:
        missing.length > 0
          ? missing
              .map((field) => t(`organisationForm.${field === 'address' ? 'headquarters' : (field as 'vatId')}`))
              .join(', ')
          : undefined,
      to: `/organisations/${orgId}`,
      action: missing.length > 0 ? t('roleHome.complete') : t('roleHome.view'),
      tone: missing.length > 0 ? 'todo' : 'done',
    })
    const sme = kind === 'sme'
    steps.push({
      key: 'listings',
      title:
        home.listings === 0
          ? t(sme ? 'roleHome.noOffers' : 'roleHome.noNeeds')
          : t(sme ? 'roleHome.offers' : 'roleHome.needs', { count: home.listings }),
      detail: home.listings === 0 ? t(sme ? 'roleHome.noOffersWhy' : 'roleHome.noNeedsWhy') : undefined,
      to:
        home.listings === 0
          ? `/organisations/${orgId}/${sme ? 'offers' : 'needs'}/new`
          : `/organisations/${orgId}/${sme ? 'offers' : 'needs'}`,
      action: home.listings === 0 ? t(sme ? 'roleHome.addOffer' : 'roleHome.addNeed') : t('roleHome.view'),
      tone: home.listings === 0 ? 'todo' : 'done',
    })
  }
  if (home.voucherRemainingEur !== null)
    steps.push({
      key: 'vouchers',
      title: t('roleHome.vouchers', { amount: formats.eur(home.voucherRemainingEur) }),
      to: `/organisations/${orgId}/vouchers`,
      action: t('roleHome.view'),
      tone: 'done',
    })
  if (kind === 'organiser') {
    steps.push({
      key: 'registrations',
      title:
        home.registrationsToValidate > 0
          ? t('roleHome.registrations', { count: home.registrationsToValidate })
          : t('roleHome.noRegistrations'),
      to: `/organisers/${orgId}/participants`,
      action: t('roleHome.review'),
      tone: home.registrationsToValidate > 0 ? 'urgent' : 'done',
    })
    steps.push({
      key: 'editions',
      title: t('roleHome.editions'),
      to: `/organisers/${orgId}/editions`,
      action: t('roleHome.open'),
      tone: 'done',
    })
  }
  if (kind === 'organiser' || kind === 'authority')
    steps.push({ key: 'kpis', title: t('roleHome.kpis'), to: '/kpis', action: t('roleHome.open'), tone: 'done' })
  return steps
}

function NextMeeting({ home }: { home: Home }) {
  const { t } = useTranslation()
  const when = useDateFormat('dateTime')
  const meeting = home.nextMeeting
  return (
    <section className="panel" aria-labelledby="next-meeting-title" data-testid="home-next-meeting">
      <h2 id="next-meeting-title">{t('roleHome.nextMeeting')}</h2>
      {meeting ? (
        <>
          <p>
            <strong>{meeting.counterpartName}</strong>
          </p>
          <p className="muted">
            {when(meeting.startsAt)} · {meeting.eventName}
            {meeting.tableName ? ` · ${meeting.tableName}` : ''}
          </p>
          <Link to={`/events/${meeting.eventId}/agenda`} className="button button-small">
            {t('roleHome.agenda')}
          </Link>
        </>
      ) : (
        <p className="muted">{t('roleHome.noMeeting')}</p>
      )}
    </section>
  )
}

function MyEvents({ home }: { home: Home }) {
  const { t } = useTranslation()
  const orgId = home.organisation.id
  return (
    <section className="panel" aria-labelledby="home-events-title" data-testid="home-events">
      <h2 id="home-events-title">{t('roleHome.myEvents')}</h2>
      {home.myEvents.length === 0 ? (
        <p className="muted">{t('roleHome.noEvents')}</p>
      ) : (
        <ul className="plain-list">
          {home.myEvents.slice(0, 5).map((event) => (
            <li key={event.eventId}>
              <Link to={`/events/${event.eventId}`}>{event.eventName}</Link>{' '}
              <span className="muted">· {t(`participation.${event.status as 'selected'}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <Link to={`/organisations/${orgId}/events`}>{t('roleHome.allEvents')}</Link>
    </section>
  )
}
