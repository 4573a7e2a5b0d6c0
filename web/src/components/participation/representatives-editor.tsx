import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Representative } from '../../../../shared/schemas/participation.js'
import { ApiError } from '../../api/client.js'
import { listSlots, type Slot } from '../../api/events-api.js'
import { listRepresentatives, saveRepresentatives } from '../../api/participation-api.js'
import { AsyncView } from '../async-view.js'
import { SlotGrid } from '../events/slot-grid.js'
import { TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { useLoad } from '../use-load.js'

interface RepresentativesEditorProps {
  eventId: string
  orgId: string
  /** Buyers' representatives each hold meetings in parallel; an SME's people attend together. */
  buyer: boolean
}

interface Draft {
  key: string
  id?: string
  name: string
  email: string
  jobTitle: string
  unavailable: Set<number>
}

let drafts = 0
const draftOf = (r?: Representative): Draft => ({
  key: `d${++drafts}`,
  ...(r ? { id: r.id } : {}),
  name: r?.name ?? '',
  email: r?.email ?? '',
  jobTitle: r?.jobTitle ?? '',
  unavailable: new Set(r?.unavailableSlots ?? []),
})

/** The people an organisation sends to an event, each with the slots they cannot attend. */
export function RepresentativesEditor({ eventId, orgId, buyer }: RepresentativesEditorProps) {
  const loaded = useLoad(`${eventId}:${orgId}`, async () => {
    const slots = await listSlots(eventId).catch((error: unknown) =>
      error instanceof ApiError && error.status === 403 ? [] : Promise.reject(error),
    )
    return { people: await listRepresentatives(eventId, orgId), slots }
  })
  return (
    <AsyncView result={loaded.result} onRetry={() => loaded.reload()}>
      {({ people, slots }) => (
        <PeopleForm eventId={eventId} orgId={orgId} buyer={buyer} initial={people} slots={slots} />
      )}
    </AsyncView>
  )
}

function PeopleForm({
  eventId,
  orgId,
  buyer,
  initial,
  slots,
}: RepresentativesEditorProps & { initial: Representative[]; slots: Slot[] }) {
  const { t } = useTranslation()
  const form = useForm()
  const [rows, setRows] = useState<Draft[]>(() => (initial.length > 0 ? initial.map(draftOf) : [draftOf()]))
  const [openGrid, setOpenGrid] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const edit = (key: string, change: Partial<Draft>) => {
    setSaved(false)
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)))
  }
  const toggle = (row: Draft, slot: number) => {
    const next = new Set(row.unavailable)
    if (next.has(slot)) next.delete(slot)
    else next.add(slot)
    edit(row.key, { unavailable: next })
  }
  const submit = (e: FormEvent<HTMLFormElement>) =>
    void form.submit(e, async () => {
      const body = rows.map((row) => ({
        ...(row.id ? { id: row.id } : {}),
        name: row.name.trim(),
        email: row.email.trim() || null,
        jobTitle: row.jobTitle.trim() || null,
        unavailableSlots: [...row.unavailable].sort((a, b) => a - b),
      }))
      setRows((await saveRepresentatives(eventId, orgId, body)).map(draftOf))
      setSaved(true)
    })

  return (
    <Form form={form} onSubmit={submit} testId="representatives-form">
      <p className="muted small">{t(buyer ? 'representatives.introBuyer' : 'representatives.introSme')}</p>
      <ol className="plain-list representatives" data-testid="representatives-list">
        {rows.map((row, i) => (
          <li key={row.key} className="representative" data-testid="representative-row">
            <div className="form-grid form-grid-3">
              <TextField
                name={`representatives.${i}.name`}
                testId={`representative-name-${i}`}
                label={t('representatives.name')}
                value={row.name}
                onChange={(name) => edit(row.key, { name })}
                required
                maxLength={120}
              />
              <TextField
                name={`representatives.${i}.email`}
                testId={`representative-email-${i}`}
                type="email"
                label={t('representatives.email')}
                value={row.email}
                onChange={(email) => edit(row.key, { email })}
                optional
                maxLength={254}
              />
              <TextField
                name={`representatives.${i}.jobTitle`}
                testId={`representative-title-${i}`}
                label={t('representatives.jobTitle')}
                value={row.jobTitle}
                onChange={(jobTitle) => edit(row.key, { jobTitle })}
                optional
                maxLength={120}
              />
            </div>
            <div className="button-row">
              {slots.length > 0 && (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  aria-expanded={openGrid === row.key}
                  data-testid={`representative-slots-${i}`}
                  onClick={() => setOpenGrid((k) => (k === row.key ? null : row.key))}
                >
                  {t('representatives.unavailable', { count: row.unavailable.size })}
                </button>
              )}
              <button
                type="button"
                className="button button-small button-danger"
                data-testid={`representative-remove-${i}`}
                onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
              >
                {t('representatives.remove')}
              </button>
            </div>
            {openGrid === row.key && (
              <SlotGrid slots={slots} unavailable={row.unavailable} onToggle={(slot) => toggle(row, slot)} />
            )}
          </li>
        ))}
      </ol>
      <FormFailure testId="representatives-error" />
      <div className="button-row">
        <button
          type="button"
          className="button button-small button-secondary"
          data-testid="representative-add"
          disabled={rows.length >= 20}
          onClick={() => setRows((current) => [...current, draftOf()])}
        >
          {t('representatives.add')}
        </button>
        <SubmitButton testId="representatives-save">{t('representatives.save')}</SubmitButton>
      </div>
      {saved && (
        <p className="notice notice-ok" role="status" data-testid="representatives-saved">
          {t('common.saved')}
        </p>
      )}
    </Form>
  )
}
