import { useFormats } from '../use-formats.js'
import type { KpiReport } from '../../../../shared/schemas/outcomes.js'

/** Plain SVG charts: bars with their numbers written beside them, so the figure never depends on reading a scale. */

export interface TargetItem {
  key: string
  label: string
  actual: number
  target: number | null
}

/** Each KPI's actual figure as a bar, its target as a tick. */
export function TargetBars({ items, title }: { items: TargetItem[]; title: string }) {
  const fmt = useFormats().number
  const width = 560
  const row = 34
  const left = 210
  const max = Math.max(1, ...items.flatMap((i) => [i.actual, i.target ?? 0]))
  const scale = (v: number) => ((width - left - 70) * v) / max
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${items.length * row + 8}`}
      className="kpi-chart"
      data-testid="chart-targets"
    >
      <title>{title}</title>
      {items.map((item, i) => (
        <g
          key={item.key}
          transform={`translate(0 ${i * row + 4})`}
          data-testid={`chart-target-${item.key}`}
          data-actual={item.actual}
          data-target={item.target ?? ''}
        >
          <text x={0} y={18} className="kpi-chart-label">
            {item.label}
          </text>
          <rect
            x={left}
            y={6}
            width={Math.max(1, scale(item.actual))}
            height={16}
            className={item.target !== null && item.actual >= item.target ? 'kpi-bar kpi-bar-met' : 'kpi-bar'}
          />
          {item.target !== null && (
            <line x1={left + scale(item.target)} x2={left + scale(item.target)} y1={2} y2={26} className="kpi-target" />
          )}
          <text
            x={left + Math.max(scale(item.actual), item.target === null ? 0 : scale(item.target)) + 6}
            y={19}
            className="kpi-chart-value"
          >
            {fmt(item.actual)}
            {item.target !== null ? ` / ${fmt(item.target)}` : ''}
          </text>
        </g>
      ))}
    </svg>
  )
}

/**
 * Figures per edition (or per hub) as a table whose cells carry a bar: each
 * column is scaled to its own largest value, names are never cut, and it reads
 * the same with 1 row or 50 (on a phone it scrolls inside its own box).
 */
export function BarTable<K extends string>({
  rows,
  keys,
  labels,
  nameLabel,
  title,
  testId,
}: {
  rows: ({ id: string; name: string; note?: string | null } & Record<K, number>)[]
  keys: readonly K[]
  labels: Record<K, string>
  nameLabel: string
  title: string
  testId: string
}) {
  const { number } = useFormats()
  const max = Object.fromEntries(keys.map((k) => [k, Math.max(1, ...rows.map((r) => r[k]))])) as Record<K, number>
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={title} data-testid={testId}>
      <table className="data-table bar-table">
        <thead>
          <tr>
            <th scope="col">{nameLabel}</th>
            {keys.map((k, j) => (
              <th key={k} scope="col">
                <i className={`kpi-swatch kpi-series-${j}`} aria-hidden="true" /> {labels[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="bar-table-row">
              <th scope="row">
                {row.name}
                {row.note && <span className="muted small"> · {row.note}</span>}
              </th>
              {keys.map((k, j) => (
                <td key={k} className="cell-bar">
                  <span className="cell-bar-track" aria-hidden="true">
                    <span
                      className={`cell-bar-fill kpi-series-${j}`}
                      style={{ width: row[k] === 0 ? 0 : `max(2px, ${(100 * row[k]) / max[k]}%)` }}
                    />
                  </span>
                  <span className="cell-bar-value">{number(row[k])}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Meetings accepted → published → followed up → contracts reported → verified. */
export function FunnelChart({
  funnel,
  labels,
  title,
}: {
  funnel: KpiReport['funnel']
  labels: Record<keyof KpiReport['funnel'], string>
  title: string
}) {
  const steps = ['accepted', 'scheduled', 'followedUp', 'reported', 'verified'] as const
  const max = Math.max(1, ...steps.map((s) => funnel[s]))
  const width = 560
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${steps.length * 30 + 6}`}
      className="kpi-chart"
      data-testid="chart-funnel"
    >
      <title>{title}</title>
      {steps.map((step, i) => {
        const w = Math.max(2, ((width - 220) * funnel[step]) / max)
        return (
          <g
            key={step}
            transform={`translate(0 ${i * 30 + 3})`}
            data-testid={`funnel-${step}`}
            data-value={funnel[step]}
          >
            <text x={0} y={17} className="kpi-chart-label">
              {labels[step]}
            </text>
            <rect x={170 + (width - 220 - w) / 2} y={2} width={w} height={20} className="kpi-bar kpi-funnel" />
            <text x={width - 40} y={17} className="kpi-chart-value">
              {funnel[step]}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** How many SMEs fall in each band of % change. */
export function DistributionChart({
  distribution,
  labels,
  title,
  testId,
}: {
  distribution: Record<string, number>
  labels: Record<string, string>
  title: string
  testId: string
}) {
  const entries = Object.entries(distribution)
  const max = Math.max(1, ...entries.map(([, n]) => n))
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${entries.length * 70} 120`}
      className="kpi-chart kpi-chart-small"
      data-testid={testId}
    >
      <title>{title}</title>
      {entries.map(([key, n], i) => {
        const h = (80 * n) / max
        return (
          <g key={key} transform={`translate(${i * 70} 0)`}>
            <rect x={12} y={95 - h} width={46} height={Math.max(h, 1)} className="kpi-bar" />
            <text x={35} y={90 - h} textAnchor="middle" className="kpi-chart-value">
              {n}
            </text>
            <text x={35} y={112} textAnchor="middle" className="kpi-chart-label">
              {labels[key] ?? key}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
