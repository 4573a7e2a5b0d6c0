import { useState } from 'react'
import '../components/outcomes/kpi.css'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { KpiReport, KpiTableKey } from '../../../shared/schemas/outcomes.js'
import { AsyncView } from '../components/async-view.js'
import { BarTable, DistributionChart, FunnelChart, TargetBars } from '../components/outcomes/kpi-charts.js'
import { KpiDrilldown } from '../components/outcomes/kpi-drilldown.js'
import { getKpis, kpiExportUrl, type KpiScopeRef } from '../components/outcomes/outcomes-api.js'
import { useLoad } from '../components/use-load.js'
import { useFormats } from '../components/use-formats.js'
import { RequireSession } from '../session/require-session.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

/** A figure in the interface language, with a unit after it; a dash when there is none yet. */
function useFigure() {
  const { number, eur } = useFormats()
  return (n: number | null, suffix = '') => (n === null ? '—' : suffix === ' €' ? eur(n) : `${number(n)}${suffix}`)
}

/** The figures compared per edition and per hub. */
const BAR_KEYS = ['events', 'smes', 'buyersOutsideInvolved', 'contracts'] as const

export function KpiPage() {
  return <RequireSession>{() => <KpiScopePicker />}</RequireSession>
}

/** The scope comes from the address (?edition=, ?event=, ?organiser=); without one, the hub's own editions or, for the authority, everything. */
function KpiScopePicker() {
  const [params] = useSearchParams()
  const { membership } = useSession()
  const [kind, value] =
    (['edition', 'event', 'organiser'] as const).map((k) => [k, params.get(k)] as const).find(([, v]) => v) ?? []
  const scope: KpiScopeRef =
    kind && value
      ? { kind, id: value }
      : membership?.organisation.kind === 'organiser'
        ? { kind: 'organiser', id: membership.organisation.id }
        : { kind: 'all' }
  const key = 'id' in scope ? `${scope.kind}:${scope.id}` : 'all'
  return <KpiDashboard key={key} scope={scope} scopeKey={key} />
}

function KpiDashboard({ scope, scopeKey }: { scope: KpiScopeRef; scopeKey: string }) {
  const { t, i18n } = useTranslation()
  const barLabels = Object.fromEntries(BAR_KEYS.map((k) => [k, t(`kpis.figures.${k}`)])) as Record<
    (typeof BAR_KEYS)[number],
    string
  >
  const { membership } = useSession()
  const report = useLoad(scopeKey, () => getKpis(scope))
  const fmt = useFigure()
  const [table, setTable] = useState<KpiTableKey>('contracts')
  useDocumentTitle(t('kpis.documentTitle'))
  return (
    <div className="page-section" data-testid="kpi-page">
      <AsyncView result={report.result} onRetry={() => report.reload()}>
        {(data) => (
          <>
            <header className="page-header">
              <h1 data-testid="kpi-title">{t('kpis.title')}</h1>
              <p className="lead">{t(`kpis.scope.${data.scope.kind as 'all'}`, { name: data.scope.name })}</p>
              <a
                className="button button-secondary button-small"
                href={kpiExportUrl(scope, 'xlsx', 'figures', i18n.language)}
                download
                data-testid="export-all"
              >
                {t('kpis.exportAll')}
              </a>
              {scope.kind === 'edition' && membership?.organisation.kind === 'organiser' && (
                <Link
                  className="button button-secondary button-small"
                  to={`/organisers/${membership.organisation.id}/vouchers?edition=${encodeURIComponent(scope.id)}`}
                  data-testid="kpi-vouchers"
                >
                  {t('vouchers.fromKpis')}
                </Link>
              )}
            </header>
            <KpiCards report={data} onDrill={setTable} />
            <div className="two-columns">
              <section className="panel" aria-labelledby="kpi-targets-title">
                <h2 id="kpi-targets-title">{t('kpis.targetsTitle')}</h2>
                <TargetBars
                  title={t('kpis.targetsTitle')}
                  items={[
                    {
                      key: 'events',
                      label: t('kpis.figures.events'),
                      actual: data.events.figure,
                      target: data.events.target,
                    },
                    { key: 'smes', label: t('kpis.figures.smes'), actual: data.smes.figure, target: data.smes.target },
                    {
                      key: 'buyersOutsideTargeted',
                      label: t('kpis.figures.buyersOutsideTargeted'),
                      actual: data.buyersOutsideTargeted.figure,
                      target: data.buyersOutsideTargeted.target,
                    },
                    {
                      key: 'buyersOutsideInvolved',
                      label: t('kpis.figures.buyersOutsideInvolved'),
                      actual: data.buyersOutsideInvolved.figure,
                      target: data.buyersOutsideInvolved.target,
                    },
                    {
                      key: 'contracts',
                      label: t('kpis.figures.contracts'),
                      actual: data.contracts.figure,
                      target: data.contracts.target,
                    },
                  ]}
                />
              </section>
              <section className="panel" aria-labelledby="kpi-funnel-title">
                <h2 id="kpi-funnel-title">{t('kpis.funnelTitle')}</h2>
                <FunnelChart
                  title={t('kpis.funnelTitle')}
                  funnel={data.funnel}
                  labels={{
                    accepted: t('kpis.funnel.accepted'),
                    scheduled: t('kpis.funnel.scheduled'),
                    followedUp: t('kpis.funnel.followedUp'),
                    reported: t('kpis.funnel.reported'),
                    verified: t('kpis.funnel.verified'),
                  }}
                />
              </section>
            </div>
            {data.trend.length > 0 && (
              <section className="panel" aria-labelledby="kpi-trend-title">
                <h2 id="kpi-trend-title">{t('kpis.trendTitle')}</h2>
                <BarTable
                  title={t('kpis.trendTitle')}
                  testId="chart-trend"
                  nameLabel={t('kpis.columns.edition')}
                  rows={data.trend.map((e) => {
                    const year = e.periodStart?.slice(0, 4) ?? null
                    return { ...e, note: year && !e.name.includes(year) ? year : null }
                  })}
                  keys={BAR_KEYS}
                  labels={barLabels}
                />
              </section>
            )}
            <ChangePanels report={data} />
            {data.cluster && (
              <section className="panel" data-testid="kpi-cluster">
                <h2>{t('kpis.clusterTitle')}</h2>
                <dl className="kpi-facts">
                  <dt>{t('kpis.cluster.membersServed')}</dt>
                  <dd>{data.cluster.membersServed}</dd>
                  <dt>{t('kpis.cluster.events')}</dt>
                  <dd>{data.cluster.events}</dd>
                  <dt>{t('kpis.cluster.contractsPerEvent')}</dt>
                  <dd>{fmt(data.cluster.contractsPerEvent)}</dd>
                </dl>
              </section>
            )}
            {data.byOrganiser && (
              <section className="panel" data-testid="kpi-by-organiser" aria-labelledby="kpi-by-organiser-title">
                <h2 id="kpi-by-organiser-title">{t('kpis.byOrganiserTitle')}</h2>
                <BarTable
                  title={t('kpis.byOrganiserTitle')}
                  testId="chart-by-organiser"
                  nameLabel={t('kpis.columns.organiser')}
                  rows={data.byOrganiser}
                  keys={BAR_KEYS}
                  labels={barLabels}
                />
              </section>
            )}
            <nav className="kpi-tables" aria-label={t('kpis.drillLabel')}>
              {(
                [
                  'events',
                  'smes',
                  'buyersOutsideTargeted',
                  'buyersOutsideInvolved',
                  'contracts',
                  'contractsUnverified',
                  'turnover',
                  'exports',
                  'eligibility',
                  'pipeline',
                ] as const
              ).map((key) => (
                <button
                  key={key}
                  type="button"
                  className={key === table ? 'button button-small' : 'button button-secondary button-small'}
                  aria-pressed={key === table}
                  data-testid={`drill-${key}`}
                  onClick={() => setTable(key)}
                >
                  {t(`kpis.tables.${key}`)}
                </button>
              ))}
            </nav>
            <KpiDrilldown key={table} scope={scope} scopeKey={scopeKey} table={table} />
          </>
        )}
      </AsyncView>
    </div>
  )
}

function KpiCards({ report, onDrill }: { report: KpiReport; onDrill: (table: KpiTableKey) => void }) {
  const { t } = useTranslation()
  const fmt = useFigure()
  const cards: { key: KpiTableKey; kpi: string; value: string; target: number | null; note?: string }[] = [
    { key: 'events', kpi: 'i', value: fmt(report.events.figure), target: report.events.target },
    { key: 'smes', kpi: 'ii', value: fmt(report.smes.figure), target: report.smes.target },
    {
      key: 'buyersOutsideTargeted',
      kpi: 'iii',
      value: fmt(report.buyersOutsideTargeted.figure),
      target: report.buyersOutsideTargeted.target,
    },
    {
      key: 'buyersOutsideInvolved',
      kpi: 'iii',
      value: fmt(report.buyersOutsideInvolved.figure),
      target: report.buyersOutsideInvolved.target,
    },
    {
      key: 'contracts',
      kpi: 'iv',
      value: fmt(report.contracts.figure),
      target: report.contracts.target,
      note: t('kpis.unverifiedApart', {
        count: report.contracts.unverified,
        value: fmt(report.contracts.valueEur, ' €'),
      }),
    },
    {
      key: 'turnover',
      kpi: 'v',
      value: fmt(report.turnover.medianPct, ' %'),
      target: report.turnover.target,
      note: t('kpis.coverage', { covered: report.turnover.covered, involved: report.turnover.involved }),
    },
    {
      key: 'exports',
      kpi: 'v',
      value: fmt(report.exports.medianPct, ' %'),
      target: report.exports.target,
      note: t('kpis.coverage', { covered: report.exports.covered, involved: report.exports.involved }),
    },
    { key: 'eligibility', kpi: '', value: fmt(report.eligibleSmes), target: null },
  ]
  return (
    <ul className="kpi-cards" data-testid="kpi-cards">
      {cards.map((card) => (
        <li key={card.key} className="kpi-card" data-testid={`kpi-card-${card.key}`}>
          <button type="button" className="kpi-card-button" onClick={() => onDrill(card.key)}>
            <span className="kpi-card-kpi">{card.kpi && `KPI ${card.kpi}`}</span>
            <span className="kpi-card-label">{t(`kpis.figures.${card.key as 'events'}`)}</span>
            <strong className="kpi-card-value" data-testid="kpi-value">
              {card.value}
            </strong>
            {card.target !== null && (
              <span className="kpi-card-target">{t('kpis.target', { value: fmt(card.target) })}</span>
            )}
            {card.note && <span className="kpi-card-note">{card.note}</span>}
          </button>
        </li>
      ))}
    </ul>
  )
}

function ChangePanels({ report }: { report: KpiReport }) {
  const { t } = useTranslation()
  const fmt = useFigure()
  const bands = { 'lt_-20': '< −20 %', '-20_0': '−20…0 %', '0_20': '0…20 %', '20_50': '20…50 %', ge_50: '≥ 50 %' }
  return (
    <div className="two-columns">
      {(['turnover', 'exports'] as const).map((key) => {
        const k = report[key]
        return (
          <section key={key} className="panel" data-testid={`kpi-change-${key}`}>
            <h2>{t(`kpis.changeTitle.${key}`)}</h2>
            <dl className="kpi-facts">
              <dt>{t('kpis.change.coverage')}</dt>
              <dd>
                {t('kpis.coverage', { covered: k.covered, involved: k.involved })} ({fmt(k.coveragePct, ' %')})
              </dd>
              <dt>{t('kpis.change.sums')}</dt>
              <dd>
                {fmt(k.baselineEur, ' €')} → {fmt(k.followUpEur, ' €')} ({fmt(k.changePctOfSums, ' %')})
              </dd>
              <dt>{t('kpis.change.median')}</dt>
              <dd>{fmt(k.medianPct, ' %')}</dd>
            </dl>
            <DistributionChart
              title={t('kpis.change.distribution')}
              distribution={k.distribution}
              labels={bands}
              testId={`chart-distribution-${key}`}
            />
          </section>
        )
      })}
    </div>
  )
}
