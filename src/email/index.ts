/**
 * Reading real e-mails: the customer's own words apart from quoted history,
 * forward and reply headers, signatures and disclaimers (`splitEmail`); HTML
 * bodies to text with their quote containers (`htmlToText`); automatic
 * replies and bounces (`detectAutoReply`); raw .eml files (`parseEml`).
 */
import { htmlToText } from './html';
import { splitEmail, type SplitEmail } from './split';

export { splitEmail } from './split';
export type { Segment, SegmentKind, SplitEmail, SplitEmailOptions } from './split';
export { htmlToText } from './html';
export type { HtmlText, TextRange } from './html';
export { detectAutoReply } from './auto-reply';
export type { AutoReplyInput, AutoReplyResult } from './auto-reply';
export { parseEml } from './eml';
export type { EmlAttachment, EmlInquiry } from './eml';
export { subjectKind } from './subject';
export type { SubjectKind } from './subject';
export { EMAIL_LOCALES } from './tables';
export type { EmailLocale } from './locale';

/**
 * Splits an inquiry's e-mail body: the text body when it has one, otherwise
 * the HTML body converted with `htmlToText` (its quote containers count as
 * quoted). The segments point into the returned `text`.
 */
export function splitMessage(input: { subject?: string; body?: string; html?: string }): SplitEmail {
  const subject = typeof input?.subject === 'string' ? input.subject : undefined;
  if (typeof input?.body === 'string' && input.body.trim().length > 0) {
    return splitEmail(input.body, { subject });
  }
  if (typeof input?.html === 'string' && input.html.length > 0) {
    const { text, quoteRanges } = htmlToText(input.html);
    return splitEmail(text, { subject, quoteRanges });
  }
  return splitEmail(typeof input?.body === 'string' ? input.body : '', { subject });
}
