import type { FastifyInstance, FastifyReply } from 'fastify'
import { MAX_DOCUMENT_BYTES, MEDIA_TYPES, type DocumentType } from './outcomes.model.js'

/** Uploads arrive as the raw file; the type is checked from its bytes, not from this header. */
export const UPLOAD_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream']
export const UPLOAD_BODY_LIMIT = MAX_DOCUMENT_BYTES + 1024 * 1024

export function acceptUploads(app: FastifyInstance): void {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  )
}

/** Sent as an attachment with its checked type, never sniffed, never rendered as a page that could run script. */
export function sendDocument(reply: FastifyReply, doc: { type: DocumentType; fileName: string; content: Buffer }) {
  return reply
    .type(MEDIA_TYPES[doc.type])
    .header('content-disposition', `attachment; filename="${doc.fileName.replace(/"/g, '')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(doc.content)
}
