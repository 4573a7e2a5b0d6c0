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

/** One group of bars per edition: SMEs involved, buyers outside involved, verified contracts. */
export function TrendChart({
  trend,
  labels,
  title,
}: {
  trend: KpiReport['trend']
  labels: Record<'smes' | 'buyersOutsideInvolved' | 'contracts', string>
  title: string
}) {
  const keys = ['smes', 'buyersOutsideInvolved', 'contracts'] as const
  const group = 120
  const height = 160
  const max = Math.max(1, ...trend.flatMap((e) => keys.map((k) => e[k])))
  return (
    <figure className="kpi-figure">
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${Math.max(group * trend.length, 240)} ${height + 40}`}
        className="kpi-chart"
        data-testid="chart-trend"
      >
        <title>{title}</title>
        {trend.map((edition, i) => (
          <g key={edition.id} transform={`translate(${i * group + 10} 0)`}>
            {keys.map((k, j) => {
              const h = ((height - 20) * edition[k]) / max
              return (
                <g key={k}>
                  <rect
                    x={j * 32}
                    y={height - h}
                    width={26}
                    height={Math.max(h, 1)}
                    className={`kpi-bar kpi-series-${j}`}
                  />
                  <text x={j * 32 + 13} y={height - h - 4} textAnchor="middle" className="kpi-chart-value">
                    {edition[k]}
                  </text>
                </g>
              )
            })}
            <text x={45} y={height + 18} textAnchor="middle" className="kpi-chart-label">
              {edition.name.slice(0, 18)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="kpi-legend">
        {keys.map((k, j) => (
          <span key={k}>
            <i className={`kpi-swatch kpi-series-${j}`} /> {labels[k]}
          </span>
        ))}
      </figcaption>
    </figure>
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
