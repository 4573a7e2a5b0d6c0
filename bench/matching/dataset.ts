import fs from 'node:fs'
import path from 'node:path'

/** A record as the rank command reads it: codes optional, main first. */
export interface RankRecord {
  id: string
  title: string
  description: string
  language: string
  codes?: string[] | undefined
}

export type Qrels = Record<string, Record<string, number>>
export type Run = Record<string, string[]>

export interface DevSet {
  needs: RankRecord[]
  offers: RankRecord[]
  qrels: Qrels
  qrelsItEn: Qrels
}

/** The matching-dev folder (real TED data, kept out of the repository): needs, offers and both grade files. */
export function loadDevSet(dir: string): DevSet {
  const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T
  const keep = (r: RankRecord & Record<string, unknown>): RankRecord => ({
    id: r.id,
    title: r.title,
    description: r.description,
    language: r.language,
    codes: r.codes,
  })
  return {
    needs: read<(RankRecord & Record<string, unknown>)[]>('needs.json').map(keep),
    offers: read<(RankRecord & Record<string, unknown>)[]>('offers.json').map(keep),
    qrels: read<Qrels>('qrels.json'),
    qrelsItEn: read<Qrels>('qrels_it_en.json'),
  }
}

/** Text-only: no codes (the dev files' cpv_main, title_en and title_it are already dropped by loadDevSet). */
export const withoutCodes = (records: RankRecord[]): RankRecord[] => records.map(({ codes: _c, ...rest }) => rest)
