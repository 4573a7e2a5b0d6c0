import type { MailMessage } from './mailer.js'

/** One block of a mail in one language: paragraphs and an optional button. */
export interface MailPart {
  paragraphs: string[]
  action?: { label: string; url: string }
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Plain-text and HTML parts from the same blocks (one per language when the reader's is unknown). */
export function composeMail(to: string, subject: string, parts: MailPart[]): MailMessage {
  const text = parts
    .map((part) =>
      [...part.paragraphs, ...(part.action ? [`${part.action.label}: ${part.action.url}`] : [])].join('\n\n'),
    )
    .join('\n\n———\n\n')
  const html = parts
    .map((part) => {
      const body = part.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')
      const button = part.action
        ? `<p><a href="${escape(part.action.url)}" style="background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escape(part.action.label)}</a></p>`
        : ''
      return `<div>${body}${button}</div>`
    })
    .join('<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">')
  return {
    to,
    subject,
    text: `${text}\n\n— Meet the Buyer\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:560px">${html}<p style="color:#666">Meet the Buyer</p></body></html>`,
  }
}
