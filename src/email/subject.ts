/**
 * Reads the prefix of an e-mail subject: "Fwd:", "VB:", "I:" mark a forward;
 * "Re:", "Sv:", "R:", "Aw:" a reply. Only the outermost prefix counts
 * ("Re: Fwd: …" is a reply to a forward).
 */
import { fold } from './fold';
import { getEmailTables } from './tables';

export type SubjectKind = 'forward' | 'reply' | 'none';

/** A prefix word (up to 16 letters), an optional counter ("Re[2]:", "Re(2):"), then a colon. */
const PREFIX = /^([\p{L}]{1,16})\s*(?:[[(]\d{1,3}[\])])?\s*[:：]/u;

/** Drops leading bracketed tags such as "[EXTERNAL]" or "[SPAM]" (at most three). */
export function skipTags(subject: string): string {
  let s = subject.trimStart();
  for (let n = 0; n < 3 && s.startsWith('['); n++) {
    const close = s.indexOf(']');
    if (close < 0 || close > 40) break;
    s = s.slice(close + 1).trimStart();
  }
  return s;
}

export function subjectKind(subject: string | undefined): SubjectKind {
  if (typeof subject !== 'string' || subject.length === 0) return 'none';
  const m = PREFIX.exec(skipTags(subject.slice(0, 200)));
  if (!m || !m[1]) return 'none';
  const word = fold(m[1]);
  const tables = getEmailTables();
  if (tables.forwardPrefixes.has(word)) return 'forward';
  if (tables.replyPrefixes.has(word)) return 'reply';
  return 'none';
}
