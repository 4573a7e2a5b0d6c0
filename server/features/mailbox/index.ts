import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { desc } from 'drizzle-orm'
import { CapturedMailSchema } from '../../../shared/schemas/accounts.js'
import { access } from '../../infra/access.js'
import { capturedMails } from '../../infra/outbox.table.js'

/**
 * The development mailbox: mail captured when no SMTP server is configured.
 * It exists only in that mode, where nothing is really sent; with SMTP_URL the route is absent.
 */
const mailboxFeature: FastifyPluginAsyncTypebox = async (app) => {
  if (app.mailer.engine !== 'captured') return
  app.get(
    '/dev/mailbox',
    {
      config: { access: access.public },
      schema: {
        tags: ['development'],
        summary: 'Mail captured locally (only without SMTP_URL)',
        response: { 200: Type.Array(CapturedMailSchema) },
      },
    },
    async () => {
      const rows = await app.db.select().from(capturedMails).orderBy(desc(capturedMails.id)).limit(100)
      return rows.map((row) => ({
        id: String(row.id),
        to: row.to,
        subject: row.subject,
        text: row.text,
        ...(row.html ? { html: row.html } : {}),
        capturedAt: row.capturedAt.toISOString(),
      }))
    },
  )
}
export default mailboxFeature
