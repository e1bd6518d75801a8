/** The public input and result types. */
import type { Entities } from './entities';
import type { LanguageCode } from './languages';

export interface Attachment {
  readonly filename?: string;
  readonly contentType?: string;
  readonly size?: number;
}

/** An inquiry: a plain string, or the fields of an e-mail or contact form. */
export interface InquiryInput {
  readonly subject?: string;
  readonly body?: string;
  /** HTML body; turned into text when `body` is absent. */
  readonly html?: string;
  /**
   * When the inquiry arrived: ISO 8601 with any offset, an e-mail Date header ("Fri, 20 Nov 2026
   * 16:00:00 +0100") or a Date. Needed for SLA due times and relative dates.
   */
  readonly receivedAt?: string | Date;
  /** e.g. "email", "form", "chat". */
  readonly channel?: string;
  readonly customer?: { readonly tier?: string; readonly locale?: string; readonly [key: string]: unknown };
  readonly attachments?: readonly Attachment[];
  /** Raw e-mail headers (lower-case names), used to recognise auto-replies. */
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Set by a caller that already knows the message is an automatic reply. */
  readonly autoReply?: boolean;
  readonly [key: string]: unknown;
}

export type Inquiry = string | InquiryInput;

export type Field = 'subject' | 'body';

export interface KeywordHit {
  readonly concept: string;
  /** The lexicon term that matched, as written in the rules. */
  readonly term: string;
  /** The words as the customer wrote them. */
  readonly text: string;
  readonly field: Field;
  /** Offsets into the field (for a string input: into the string). */
  readonly start: number;
  readonly end: number;
  readonly negated: boolean;
  /** In quoted history, a forwarded header or a signature: reported, but not used by rules. */
  readonly quoted: boolean;
  readonly match: 'exact' | 'stem' | 'compound' | 'typo' | 'phrase';
  readonly language: string;
}

export interface ConditionTrace {
  /** e.g. `concept: damaged`, `entity: orderNumber`, `language: sv`. */
  readonly condition: string;
  readonly spans: ReadonlyArray<{ readonly field: Field; readonly start: number; readonly end: number; readonly text: string }>;
}

export interface RuleMatch {
  readonly id: string;
  readonly score: number;
  readonly effects: {
    readonly category?: string;
    readonly team?: string;
    readonly priority?: string;
    readonly raise?: number;
    readonly tags?: readonly string[];
  };
  /** The conditions that held, with the words behind them. */
  readonly conditions: readonly ConditionTrace[];
  readonly source?: { readonly file: string; readonly line: number };
}

export interface Decision {
  /** Score of each category that got a vote. */
  readonly categoryScores: Readonly<Record<string, number>>;
  readonly fallback: boolean;
  readonly categoryRule?: string;
  /** How the priority was reached, step by step. */
  readonly priority: ReadonlyArray<{ readonly rule: string; readonly from: string; readonly to: string }>;
  readonly team: { readonly from: string; readonly to: string; readonly reason: string };
}

export interface Classification {
  readonly category: string;
  readonly priority: string;
  readonly team: string;
  readonly language: { readonly code: LanguageCode; readonly confidence: number };
  readonly entities: Entities;
  readonly keywords: readonly KeywordHit[];
  readonly tags: readonly string[];
  readonly matchedRules: readonly RuleMatch[];
  readonly autoReply: boolean;
  readonly sla?: { readonly firstResponseDue: string; readonly targetHours: number };
  /**
   * The customer's own words in the body (quoted history, signatures and disclaimers set apart). For an
   * `html` inquiry, `text` is the text the HTML was turned into: what the body's offsets point into.
   */
  readonly body: {
    readonly ownText: string;
    readonly segments: ReadonlyArray<{ readonly kind: string; readonly start: number; readonly end: number }>;
    readonly forwarded: boolean;
    readonly text?: string;
  };
  readonly decision: Decision;
  readonly redactedText?: string;
  /** With `redact: true` and a subject: the subject with personal data replaced. */
  readonly redactedSubject?: string;
}

export interface ClassifyOptions {
  /** Add `redactedText`: the body with personal data replaced. */
  readonly redact?: boolean;
  /** Restrict language detection to these languages. */
  readonly languages?: readonly string[];
}
