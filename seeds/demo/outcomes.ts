import { and, desc, eq, ne, sql } from 'drizzle-orm'
import { checkIns, meetingFeedback } from '../../server/features/live/live.table.js'
import { performanceReports, voucherClaims } from '../../server/features/outcomes/outcomes.table.js'
import { advanceLifecycles, recordAudit } from './history.js'
import { meetings } from '../../server/features/schedules/schedules.table.js'
import type { Interest } from '../../server/features/live/live.model.js'
import type { ContractKind } from '../../server/features/outcomes/outcomes.model.js'
import type { Party, Story } from './edition.js'
import type { Selected } from './requests.js'
import { romeAt } from './story.js'

export interface HeldMeeting {
  id: string
  requestId: string
  sme: Party
  buyer: Party
  interest: Interest
}

const INTERESTS: [Interest, number][] = [
  ['none', 0.08],
  ['informative', 0.35],
  ['follow_up_planned', 0.25],
  ['quote_requested', 0.16],
  ['pilot', 0.09],
  ['contract_expected', 0.07],
]
const COMMENTS = [
  'Incontro molto concreto: ci manderanno un preventivo entro due settimane.',
  'Good fit with our roadmap; technical follow-up with engineering planned.',
  'Prodotto interessante ma ancora troppo costoso per i nostri volumi.',
  'They need EN 9100 first; we will meet again next year.',
  'Campioni richiesti per una prova in stabilimento.',
]
const RANK: Interest[] = ['none', 'informative', 'follow_up_planned', 'quote_requested', 'pilot', 'contract_expected']

function interestOf(story: Story): Interest {
  let r = story.random.next()
  for (const [interest, p] of INTERESTS) if ((r -= p) < 0) return interest
  return 'informative'
}

/** The day of the past event: arrivals by badge or "I'm here", a few absentees, and each side's word on each meeting. */
export async function eventDay(
  story: Story,
  eventId: string,
  date: string,
  selected: Selected,
  keep: Party[],
): Promise<{ meetings: HeldMeeting[] }> {
  const { services, clock, random, hub, db } = story
  const everyone = [...selected.smes, ...selected.buyers]
  const byId = new Map(everyone.map((p) => [p.id, p]))
  const absent = new Set(
    random.sample(
      everyone.filter((p) => !keep.includes(p)),
      Math.round(everyone.length * 0.06),
    ),
  )
  const present = everyone.filter((p) => !absent.has(p))
  const arrivals = present.map((party, i) => ({
    party,
    at: new Date(romeAt(date, 0, '08:40').getTime() + i * 20_000),
    self: random.chance(0.3),
  }))
  await db.insert(checkIns).values(
    arrivals.map(({ party, at, self }) => ({
      eventId,
      organisationId: party.id,
      method: self ? ('self' as const) : ('organiser' as const),
      byUserId: self ? party.userId : hub.userId,
      at,
    })),
  )
  await recordAudit(
    db,
    arrivals.map(({ party, at, self }) => ({
      at,
      actorUserId: self ? party.userId : hub.userId,
      organisationId: party.id,
      action: 'event.checked_in',
      subjectType: 'event',
      subjectId: eventId,
      after: { method: self ? 'self' : 'organiser' },
    })),
  )
  clock.set(romeAt(date, 0, '09:20'))
  for (const party of absent) await services.live.markAbsent(story.actor(hub), eventId, party.id)
  await story.stamp()
  await advanceLifecycles(db, {
    eventId,
    organisationIds: present.map((p) => p.id),
    status: 'attended',
    at: romeAt(date, 0, '13:10'),
    actorUserId: hub.userId,
  })
  const rows = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'scheduled')))
    .orderBy(meetings.slot, meetings.tableIndex)
  const held: HeldMeeting[] = []
  const answers: (typeof meetingFeedback.$inferInsert)[] = []
  for (const row of rows) {
    if (row.outcome === 'no_show') continue
    const sme = byId.get(row.smeId)!
    const buyer = byId.get(row.buyerId)!
    const demoPair = keep.includes(sme) && keep.includes(buyer)
    const interest = demoPair ? 'contract_expected' : interestOf(story)
    const at = romeAt(
      date,
      0,
      `${String(17 + (row.slot % 3)).padStart(2, '0')}:${String(10 + (row.tableIndex % 40)).padStart(2, '0')}`,
    )
    const answer = random.next()
    for (const side of answer < 0.85 || demoPair ? [sme, buyer] : answer < 0.93 ? [sme] : [buyer]) {
      const own =
        side === sme || RANK.indexOf(interest) === 0
          ? interest
          : RANK[Math.max(1, RANK.indexOf(interest) - random.int(0, 1))]!
      answers.push({
        meetingId: row.id,
        organisationId: side.id,
        held: true,
        interest: own,
        comment: random.chance(0.25) ? random.pick(COMMENTS) : null,
        byUserId: side.userId,
        updatedAt: at,
      })
    }
    held.push({ id: row.id, requestId: row.requestId, sme, buyer, interest })
  }
  await db.insert(meetingFeedback).values(answers)
  await db.execute(sql`update ${meetings} m set outcome = 'held', absent_organisation_id = null, updated_at = f.at from (select meeting_id, max(updated_at) as at from ${meetingFeedback} group by meeting_id) f
    where m.id = f.meeting_id and m.event_id = ${eventId}`)
  await recordAudit(
    db,
    answers.map((a) => ({
      at: a.updatedAt!,
      actorUserId: a.byUserId!,
      organisationId: a.organisationId,
      action: 'meeting.feedback',
      subjectType: 'meeting',
      subjectId: a.meetingId,
      after: { held: true, interest: a.interest },
    })),
  )
  return { meetings: held }
}

/** A small PDF (one page of text), as a scanned order or receipt would be uploaded. */
export function demoPdf(lines: string[]): Buffer {
  const text = lines
    .map(
      (line, i) =>
        `BT /F1 12 Tf 60 ${760 - i * 18} Td (${line
          .replace(/[()\\]/g, '')
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')}) Tj ET`,
    )
    .join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets = objects.map((object, i) => {
    const at = body.length
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
    return at
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

const KIND_OF: Partial<Record<Interest, ContractKind>> = {
  quote_requested: 'purchase_order',
  pilot: 'pilot',
  contract_expected: 'framework',
}

/** After the day: follow-ups, contracts at each step, performance reports and vouchers. */
export async function followUp(
  story: Story,
  eventId: string,
  input: { date: string; today: string; year: number; demo: { sme: Party; buyer: Party }; meetings: HeldMeeting[] },
): Promise<Record<string, number>> {
  const { services, clock, random, hub, db } = story
  const hubActor = story.actor(hub)
  const days = Math.max(8, Math.round((Date.parse(input.today) - Date.parse(input.date)) / 86_400_000))
  clock.set(romeAt(input.date, 5, '10:00'))
  const followed = new Set(input.meetings.filter((m) => RANK.indexOf(m.interest) >= 2).map((m) => m.sme.id))
  await advanceLifecycles(db, {
    eventId,
    organisationIds: [...followed],
    status: 'followed_up',
    at: clock.now(),
    actorUserId: hub.userId,
  })

  const promising = input.meetings.filter((m) => RANK.indexOf(m.interest) >= 3)
  const demoFirst = [
    ...promising.filter((m) => m.sme === input.demo.sme),
    ...promising.filter((m) => m.sme !== input.demo.sme),
  ].slice(0, 12)
  let verified = 0
  for (const [i, m] of demoFirst.entries()) {
    const demo = m.sme === input.demo.sme
    const signed = Math.min(days - 4, 3 + random.int(0, days - 7))
    const reporter = demo ? (m.buyer === input.demo.buyer ? m.sme : m.buyer) : random.chance(0.7) ? m.sme : m.buyer
    const other = reporter === m.sme ? m.buyer : m.sme
    clock.set(romeAt(input.date, signed + 1, '15:00'))
    const title = `${KIND_OF[m.interest] === 'pilot' ? 'Progetto pilota' : KIND_OF[m.interest] === 'framework' ? 'Accordo quadro di fornitura' : 'Ordine di fornitura'} — ${m.sme.name} / ${m.buyer.name}`
    const contract = await services.outcomes.contracts.reportContract(story.actor(reporter), reporter.id, {
      counterpartId: other.id,
      requestId: m.requestId,
      title,
      kind: KIND_OF[m.interest] ?? 'purchase_order',
      signedOn: romeAt(input.date, signed).toISOString().slice(0, 10),
      valueEur: random.int(2, 90) * 10_000,
    })
    const step = demo
      ? m.buyer === input.demo.buyer
        ? 'verified'
        : 'reported'
      : i === 3
        ? 'rejected'
        : random.pick(['verified', 'verified', 'verified', 'confirmed', 'reported'] as const)
    if (step === 'reported') continue
    clock.advance(26 * 3_600_000)
    await services.outcomes.contracts.confirmContract(story.actor(other), contract.id)
    await services.outcomes.contracts.attachEvidence(story.actor(reporter), contract.id, {
      bytes: demoPdf([title, `Firmato il ${contract.signedOn}`, `Valore: EUR ${contract.valueEur}`]),
      fileName: `contratto-${i + 1}.pdf`,
    })
    if (step === 'confirmed') continue
    clock.advance(20 * 3_600_000)
    await services.outcomes.contracts.decideContract(
      hubActor,
      contract.id,
      step === 'rejected'
        ? {
            decision: 'rejected',
            note: "Il documento allegato è un'offerta, non un contratto firmato: caricate l'ordine controfirmato.",
          }
        : { decision: 'verified' },
    )
    if (step === 'verified') verified += 1
  }
  await story.stamp()

  // Yearly figures: the baseline (the year before the edition began) and the year after, mostly from the financial statements.
  const involved = [...new Set(input.meetings.map((m) => m.sme))]
  const reports: (typeof performanceReports.$inferInsert)[] = []
  for (const [i, sme] of involved.entries()) {
    if (sme !== input.demo.sme && !random.chance(0.75)) continue
    const turnover = random.int(6, 300) * 50_000
    const growth = 1 + random.int(-6, 28) / 100
    const exportShare = random.int(10, 60) / 100
    const at = new Date(romeAt(input.today, -6, '09:00').getTime() + i * 600_000)
    reports.push(
      {
        smeId: sme.id,
        year: input.year - 2,
        turnoverEur: turnover,
        exportEur: Math.round(turnover * exportShare),
        source: 'financial_statements',
        reportedBy: sme.userId,
        updatedAt: at,
      },
      {
        smeId: sme.id,
        year: input.year - 1,
        turnoverEur: Math.round(turnover * growth),
        exportEur: Math.round(turnover * growth * Math.min(0.95, exportShare * (1 + random.int(0, 30) / 100))),
        source: random.chance(0.6) ? 'financial_statements' : 'self_declared',
        reportedBy: sme.userId,
        updatedAt: at,
      },
    )
  }
  await db.insert(performanceReports).values(reports)
  await recordAudit(
    db,
    reports.map((r) => ({
      at: r.updatedAt!,
      actorUserId: r.reportedBy!,
      organisationId: r.smeId,
      action: 'performance.reported',
      subjectType: 'performance_report',
      subjectId: r.smeId,
      after: { year: r.year, turnoverEur: r.turnoverEur, exportEur: r.exportEur, source: r.source },
    })),
  )
  clock.set(romeAt(input.today, -5, '10:00'))
  return {
    contracts: demoFirst.length,
    verifiedContracts: verified,
    performanceReports: reports.length,
    ...(await vouchers(story, input.demo.sme, involved)),
  }
}

const CLAIMS: { category: 'event_outside_region' | 'coaching'; description: string; amount: [number, number] }[] = [
  {
    category: 'event_outside_region',
    description: 'Partecipazione alla fiera Hannover Messe: stand condiviso e viaggio',
    amount: [1_200, 2_800],
  },
  {
    category: 'event_outside_region',
    description: 'Meet the Buyer di Lione (Auvergne-Rhône-Alpes): viaggio e alloggio',
    amount: [600, 1_400],
  },
  {
    category: 'coaching',
    description: 'Coaching sulla preparazione degli incontri con i buyer (4 ore)',
    amount: [400, 900],
  },
  {
    category: 'coaching',
    description: 'Consulenza per la qualificazione come fornitore (audit documentale)',
    amount: [800, 1_600],
  },
]

/** Voucher budgets set by the hub, and claims with receipts at each step. */
async function vouchers(story: Story, demoSme: Party, involved: Party[]): Promise<Record<string, number>> {
  const { services, clock, random, hub, db, editionId } = story
  const hubActor = story.actor(hub)
  const smes = [
    demoSme,
    ...random.sample(
      involved.filter((p) => p !== demoSme),
      7,
    ),
  ]
  let claims = 0
  for (const [i, sme] of smes.entries()) {
    clock.set(new Date(clock.now().getTime() + 3_600_000))
    const picks = (sme === demoSme ? [CLAIMS[2]!, CLAIMS[0]!] : random.sample(CLAIMS, random.int(0, 2))).map(
      (claim) => ({ ...claim, amountEur: random.int(claim.amount[0], claim.amount[1]) }),
    )
    const claimed = picks.reduce((sum, claim) => sum + claim.amountEur, 0)
    await services.outcomes.vouchers.setBudget(hubActor, {
      editionId,
      smeId: sme.id,
      budgetEur: sme === demoSme ? 6_000 : Math.max(random.int(3, 8), Math.ceil(claimed / 1_000) + 1) * 1_000,
    })
    for (const [k, claim] of picks.entries()) {
      clock.advance(600_000)
      await services.outcomes.vouchers.claim(story.actor(sme), sme.id, {
        editionId,
        category: claim.category,
        amountEur: claim.amountEur,
        description: claim.description,
      })
      const [row] = await db
        .select({ id: voucherClaims.id })
        .from(voucherClaims)
        .where(and(eq(voucherClaims.smeId, sme.id), ne(voucherClaims.status, 'rejected')))
        .orderBy(desc(voucherClaims.claimedAt))
        .limit(1)
      await services.outcomes.vouchers.attachReceipt(story.actor(sme), row!.id, {
        bytes: demoPdf(['Fattura', claim.description, sme.name]),
        fileName: `ricevuta-${k + 1}.pdf`,
      })
      claims += 1
      const decision =
        sme === demoSme
          ? k === 0
            ? 'approved'
            : 'pending'
          : random.pick(['approved', 'approved', 'rejected', 'pending'] as const)
      if (decision !== 'pending')
        await services.outcomes.vouchers.decide(
          hubActor,
          row!.id,
          decision === 'rejected'
            ? { decision, reason: 'La ricevuta non indica la data del servizio: caricatene una completa.' }
            : { decision },
        )
    }
    if (i % 5 === 4) await story.stamp()
  }
  await story.stamp()
  return {
    voucherBudgets: smes.length,
    voucherClaims: claims,
    documents: (await db.execute<{ n: number }>(sql`select count(*)::int as n from documents`))[0]?.n ?? 0,
  }
}
