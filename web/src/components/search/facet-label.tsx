import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { TaxonomyKind } from '../../api/taxonomies-api.js'
import { useDisplayNames } from '../catalogue/use-display-names.js'
import { useCodeLabel } from '../code-picker/use-code-label.js'
import type { Filter, Panel } from './search-params.js'

/** The vocabulary a facet's or filter's values come from, when it has one. */
const TAXONOMY: Partial<Record<Panel | Filter, TaxonomyKind>> = {
  cpvDivision: 'cpv',
  cpv: 'cpv',
  naceSection: 'nace',
  nace: 'nace',
  s3: 's3',
  region: 'nuts2',
}

export interface ValueLabel {
  /** Shown before the label in a quieter style: the code itself. */
  code?: string
  label: string
}

/** How a value of a facet or filter reads: `34` → "34 Transport equipment…", `ITC1` → "ITC1 Piemonte", `7` → "TRL 7". */
export function useValueLabel(key: Panel | Filter, value: string): ValueLabel {
  const { t } = useTranslation()
  const names = useDisplayNames()
  const kind = TAXONOMY[key]
  const label = useCodeLabel(kind ?? 'cpv', kind ? value : '')
  if (key === 'trl') return { label: t('search.trlValue', { value }) }
  if (key === 'language') return { label: names.language(value) }
  if (key === 'sizeClass') return { label: sizeLabel(t, value) }
  if (key === 'buyerType')
    return { label: t(value === 'public' ? 'search.buyerTypes.public' : 'search.buyerTypes.private') }
  if (key === 'closesWithin') return { label: t('search.closesWithinValue', { count: Number(value) }) }
  if (key === 'region' && value.length === 2) return { code: value, label: names.country(value) }
  if (key === 's3') return { label: label ?? value }
  return { code: value, label: label ?? '' }
}

function sizeLabel(t: TFunction, value: string): string {
  switch (value) {
    case 'micro':
    case 'small':
    case 'medium':
    case 'large':
      return t(`search.sizes.${value}`)
    default:
      return value
  }
}

export function ValueText({ label }: { label: ValueLabel }) {
  return (
    <>
      {label.code && <span className="value-code">{label.code}</span>}
      {label.code && label.label && ' '}
      {label.label}
    </>
  )
}
