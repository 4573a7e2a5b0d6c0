/**
 * Reading what sqlmap and wapiti found. Findings fail the scan; anomalies and
 * informational entries are listed only.
 */

export interface Finding {
  tool: 'sqlmap' | 'wapiti'
  category: string
  where: string
  info: string
}

export interface ScanResult {
  findings: Finding[]
  /** Listed, not failing: server errors wapiti provoked, slow answers, informational entries. */
  notes: Finding[]
  /** The tool did not run to a verdict (could not connect, crashed). */
  incomplete: string[]
}

/**
 * sqlmap prints each injectable parameter after "identified the following
 * injection point(s)" as `Parameter: name (PLACE)`; a target with none ends
 * with "do not appear to be injectable".
 */
export function parseSqlmap(output: string, target: string): ScanResult {
  const findings: Finding[] = []
  const incomplete: string[] = []
  let current = target
  let inBlock = false
  for (const line of output.split('\n')) {
    const url = /^(?:GET|POST|PUT|PATCH|DELETE) (https?:\/\/\S+)/.exec(line.trim())
    if (url) current = url[1]!
    if (/identified the following injection point/.test(line)) inBlock = true
    else if (inBlock && /^\[\d\d:\d\d:\d\d\]/.test(line)) inBlock = false
    const parameter = inBlock ? /^Parameter: (.+)$/.exec(line.trim()) : null
    if (parameter) findings.push({ tool: 'sqlmap', category: 'SQL Injection', where: current, info: parameter[1]! })
  }
  if (/unable to connect to the target URL|connection refused/i.test(output))
    incomplete.push(`sqlmap could not reach ${target}`)
  return { findings, notes: [], incomplete }
}

interface WapitiEntry {
  method?: string
  path?: string
  info?: string
  parameter?: string
}

interface WapitiReport {
  vulnerabilities?: Record<string, WapitiEntry[]>
  anomalies?: Record<string, WapitiEntry[]>
  additionals?: Record<string, WapitiEntry[]>
  infos?: Record<string, unknown>
}

/**
 * Findings that are right for this server, each with the reason; matched on
 * category and exact text, so anything else in the category still fails.
 */
export const ACCEPTED: { category: string; info: RegExp; reason: string }[] = [
  {
    category: 'HTTP Secure Headers',
    info: /^X-XSS-Protection is not set$/,
    reason:
      'sent as "0" on purpose: browsers removed the XSS auditor and its filter could be abused; the Content-Security-Policy is the protection',
  },
  {
    category: 'HTTP Secure Headers',
    info: /^Strict-Transport-Security is not set$/,
    reason:
      'the scanned server runs on plain HTTP on loopback; HSTS is sent when PUBLIC_URL is https (test/infra/security-headers.test.ts)',
  },
  {
    category: 'Secure Flag cookie',
    info: /mtb_session/,
    reason:
      'the scanned server runs on plain HTTP on loopback; the session cookie is Secure when PUBLIC_URL is https (test/infra/sessions-security.test.ts)',
  },
]

export function parseWapiti(report: WapitiReport): ScanResult {
  const findings: Finding[] = []
  const notes: Finding[] = []
  const entry = (category: string, e: WapitiEntry): Finding => ({
    tool: 'wapiti',
    category,
    where: `${e.method ?? ''} ${e.path ?? ''}${e.parameter ? ` [${e.parameter}]` : ''}`.trim(),
    info: (e.info ?? '').replace(/\s+/g, ' ').slice(0, 300),
  })
  for (const [category, entries] of Object.entries(report.vulnerabilities ?? {})) {
    for (const e of entries) {
      const finding = entry(category, e)
      const accepted = ACCEPTED.find((a) => a.category === category && a.info.test(finding.info))
      if (accepted) notes.push({ ...finding, category: `${category} (accepted: ${accepted.reason})` })
      else findings.push(finding)
    }
  }
  for (const section of ['anomalies', 'additionals'] as const) {
    for (const [category, entries] of Object.entries(report[section] ?? {}))
      for (const e of entries) notes.push(entry(`${category} (${section})`, e))
  }
  return { findings, notes, incomplete: report.vulnerabilities ? [] : ['wapiti wrote no report'] }
}

export function merge(results: ScanResult[]): ScanResult {
  return {
    findings: results.flatMap((r) => r.findings),
    notes: results.flatMap((r) => r.notes),
    incomplete: results.flatMap((r) => r.incomplete),
  }
}
