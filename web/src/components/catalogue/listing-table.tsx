import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ListingStatus } from '../../../../shared/schemas/catalogue.js'
import { useCodeText } from '../code-picker/use-code-label.js'
import { useDateFormat } from '../use-date-format.js'
import { ListingStatusBadge } from './listing-status.js'

export interface ListingRow {
  id: string
  title: string
  status: ListingStatus
  /** The main CPV code. */
  cpv: string | undefined
  trl: number | undefined
  updatedAt: string
}

interface ListingTableProps {
  kind: 'offer' | 'need'
  rows: ListingRow[]
  editPath: (id: string) => string
}

/** An owner's offers or needs; each row's test id is `<kind>-row`, with `data-id` and `data-status`. */
export function ListingTable({ kind, rows, editPath }: ListingTableProps) {
  const { t } = useTranslation()
  return (
    <table className="table table-responsive" data-testid={`${kind}s-table`}>
      <thead>
        <tr>
          <th scope="col">{t('listing.columns.title')}</th>
          <th scope="col">{t('listing.columns.status')}</th>
          <th scope="col">{t('listing.columns.cpv')}</th>
          <th scope="col">{t(`listing.columns.${kind === 'offer' ? 'trl' : 'minTrl'}`)}</th>
          <th scope="col">{t('listing.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={row.id} kind={kind} row={row} href={editPath(row.id)} />
        ))}
      </tbody>
    </table>
  )
}

function Row({ kind, row, href }: { kind: 'offer' | 'need'; row: ListingRow; href: string }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const cpv = useCodeText('cpv', row.cpv ?? '')
  return (
    <tr data-testid={`${kind}-row`} data-id={row.id} data-status={row.status}>
      <td data-label={t('listing.columns.title')}>
        <Link to={href} className="row-title" data-testid={`${kind}-edit`}>
          {row.title}
        </Link>
      </td>
      <td data-label={t('listing.columns.status')}>
        <ListingStatusBadge status={row.status} />
      </td>
      <td data-label={t('listing.columns.cpv')} className="small">
        {row.cpv ? cpv : '—'}
      </td>
      <td data-label={t(`listing.columns.${kind === 'offer' ? 'trl' : 'minTrl'}`)}>{row.trl ?? '—'}</td>
      <td data-label={t('listing.columns.updated')}>{formatDate(row.updatedAt)}</td>
    </tr>
  )
}
