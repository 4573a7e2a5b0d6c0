/** A countdown that stays readable: "4:59" or "1:04:59" within a day, "3 d 4 h" beyond. */
export function formatCountdown(seconds: number, units: { days: string; hours: string }): string {
  const s = Math.max(0, Math.round(seconds))
  if (s >= 86_400) return `${Math.floor(s / 86_400)} ${units.days} ${Math.floor((s % 86_400) / 3600)} ${units.hours}`
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}
