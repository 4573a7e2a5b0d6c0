import { DateTime } from 'luxon'

/** The demo hub, SMEs and buyer of `accounts.ts`, by legal name. */
export const DEMO_HUB = 'Polo di Innovazione Piemonte Manifattura'
export const DEMO_AUTHORITY = 'Regione Piemonte — Direzione Competitività'
export const DEMO_SME = 'Meccatronica Alpina S.r.l.'
export const DEMO_SME2 = 'Sensoria Lab S.r.l.'
export const DEMO_BUYER = 'Nordbahn Fahrzeugtechnik GmbH'

export const ZONE = 'Europe/Rome'

export function daysBefore(at: Date, days: number): Date {
  return new Date(at.getTime() - days * 86_400_000)
}

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .replace(/-(s-r-l|s-p-a|s-r-l-s|gmbh|sas|sa|s-a|ag|nv|b-v|a-s|ab|oy|kft|ltd|s-l)(-.*)?$/, '')
}

/**
 * The two events, placed relative to the day the demo is loaded (in Rome):
 * the past one three weeks before, the upcoming one four weeks after, each
 * moved to the nearest Tuesday–Thursday, when such events are held.
 */
export function eventDays(now: Date): { today: string; past: string; upcoming: string } {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day')
  const midweek = (day: DateTime, step: number) => {
    let d = day
    while (d.weekday < 2 || d.weekday > 4) d = d.plus({ days: step })
    return d
  }
  return {
    today: today.toISODate()!,
    past: midweek(today.minus({ days: 21 }), -1).toISODate()!,
    upcoming: midweek(today.plus({ days: 28 }), 1).toISODate()!,
  }
}

/** An instant at a local wall-clock time in Rome, `days` after the given local date. */
export function romeAt(date: string, days: number, time = '10:00'): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).plus({ days }).toJSDate()
}

/** The local date `days` after a local date. */
export function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate()!
}
