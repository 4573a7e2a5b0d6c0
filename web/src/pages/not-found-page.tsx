import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDocumentTitle } from '../use-document-title.js'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('notFound.documentTitle'))

  return (
    <section className="narrow" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link to="/" className="button">
        {t('notFound.home')}
      </Link>
    </section>
  )
}
