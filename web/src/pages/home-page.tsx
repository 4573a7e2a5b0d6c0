import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RoleHome } from '../components/home/role-home.js'
import { PlatformStatus } from '../components/platform-status.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

const AUDIENCES = ['smes', 'buyers', 'organisers', 'authority'] as const
const STEPS = ['register', 'match', 'schedule', 'event', 'follow'] as const

export function HomePage() {
  const { t } = useTranslation()
  const { session, membership } = useSession()
  useDocumentTitle(t('home.documentTitle'))

  if (session && membership) return <RoleHome membership={membership} userName={session.user.name} />
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        {session ? (
          <Link to="/account" className="button">
            {t('home.goToAccount')}
          </Link>
        ) : (
          <div className="button-row">
            <Link to="/sign-up" className="button" data-testid="home-sign-up">
              {t('nav.register')}
            </Link>
            <Link to="/sign-in" className="button button-secondary">
              {t('nav.signIn')}
            </Link>
          </div>
        )}
      </section>

      <section aria-labelledby="audiences-title">
        <h2 id="audiences-title">{t('home.audiencesTitle')}</h2>
        <ul className="card-grid">
          {AUDIENCES.map((audience) => (
            <li key={audience} className="card" data-testid={`audience-${audience}`}>
              <h3>{t(`home.audiences.${audience}.title`)}</h3>
              <p>{t(`home.audiences.${audience}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <div className="two-columns">
        <section className="panel" aria-labelledby="steps-title">
          <h2 id="steps-title">{t('home.stepsTitle')}</h2>
          <ol className="steps">
            {STEPS.map((step) => (
              <li key={step}>{t(`home.steps.${step}`)}</li>
            ))}
          </ol>
        </section>
        <PlatformStatus />
      </div>
    </>
  )
}
