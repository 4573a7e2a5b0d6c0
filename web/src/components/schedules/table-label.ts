import type { TFunction } from 'i18next'

/**
 * A table as people read it: a bare code ("A2", "22") is a table of that name ("Table A2"); a name the hub
 * wrote out ("Tavolo 22", "Stand Nordbahn") is shown as it is, never "Table Tavolo 22".
 */
export function tableLabel(t: TFunction, name: string): string {
  return /^[A-Za-z]?\d+[A-Za-z]?$/.test(name.trim()) ? t('schedule.table', { name }) : name
}
