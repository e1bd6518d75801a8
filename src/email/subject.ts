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

/**
 * Where `skipTags(subject.slice(0, end))` starts, as an offset into `subject`
 * (the same steps, without building the strings).
 */
export function tagsEnd(subject: string, end: number): number {
  let a = skipSpace(subject, 0, end);
  for (let n = 0; n < 3 && a < end && subject.charCodeAt(a) === 91; n++) {
    const close = subject.indexOf(']', a);
    if (close < 0 || close >= end || close - a > 40) break;
    a = skipSpace(subject, close + 1, end);
  }
  return a;
}

function skipSpace(s: string, from: number, end: number): number {
  while (from < end && isJsSpace(s.charCodeAt(from))) from++;
  return from;
}

/** The characters String.prototype.trim() removes (white space and line terminators). */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The last (short) subject read, and its kind: the same subject is often asked about twice per message. */
let lastSubject: string | undefined;
let lastKind: SubjectKind = 'none';

export function subjectKind(subject: string | undefined): SubjectKind {
  if (typeof subject !== 'string' || subject.length === 0) return 'none';
  if (subject === lastSubject) return lastKind;
  const kind = readSubjectKind(subject);
  if (subject.length <= 200) {
    lastSubject = subject;
    lastKind = kind;
  }
  return kind;
}

function readSubjectKind(subject: string): SubjectKind {
  // A prefix ends in a colon: without one in the part read, there is none.
  const colon = subject.indexOf(':');
  const wide = subject.indexOf('\uff1a');
  if ((colon < 0 || colon >= 200) && (wide < 0 || wide >= 200)) return 'none';
  const m = PREFIX.exec(skipTags(subject.slice(0, 200)));
  if (!m || !m[1]) return 'none';
  const word = fold(m[1]);
  const tables = getEmailTables();
  if (tables.forwardPrefixes.has(word)) return 'forward';
  if (tables.replyPrefixes.has(word)) return 'reply';
  return 'none';
}
