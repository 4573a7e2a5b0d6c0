import type { ReactNode } from 'react'

export type BadgeTone = 'ok' | 'warn' | 'bad' | 'neutral'

interface StatusBadgeProps {
  tone: BadgeTone
  children: ReactNode
}

/** A coloured pill; the text always carries the meaning, the colour only repeats it. */
export function StatusBadge({ tone, children }: StatusBadgeProps) {
  return (
    <span className={`badge badge-${tone}`}>
      <span className="badge-dot" aria-hidden="true" />
      {children}
    </span>
  )
}
