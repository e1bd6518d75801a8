/**
 * The shape of one language's e-mail vocabulary: the words mail clients and
 * people use around the customer's own text (reply and forward headers,
 * signatures, disclaimers, auto-replies). One file per language under
 * `locales/`, all of this shape; `tables.ts` compiles them once into lookups.
 *
 * Write phrases as people and clients spell them (any case, with diacritics);
 * they are matched case- and diacritic-insensitively.
 */
export interface EmailLocale {
  /** Subject prefixes (without the colon) that mark a forward: "Fwd", "VB", "I". */
  readonly forwardPrefixes: readonly string[];
  /** Subject prefixes (without the colon) that mark a reply: "Re", "Sv", "R". */
  readonly replyPrefixes: readonly string[];
  /** First word of a reply attribution line: "On", "Den", "Il", "În". */
  readonly attributionStarts: readonly string[];
  /** How a reply attribution line ends: "wrote:", "ha scritto:". */
  readonly attributionEnds: readonly string[];
  /** A verb that stands before the author's name, the line then ends in ":" ("… skrev Anna <a@b.se>:"). */
  readonly attributionVerbs: readonly string[];
  /** Text of an "-----Original Message-----" separator (or a helpdesk's "##- Please type your reply above this line -##"), without the decoration. */
  readonly originalMessage: readonly string[];
  /** Text of a forwarded-message marker line, without dashes or colon. */
  readonly forwardMarkers: readonly string[];
  /** Header names in quoted or forwarded header blocks ("Från:", "Oggetto:"), without the colon. */
  readonly headerFields: {
    readonly from: readonly string[];
    readonly date: readonly string[];
    readonly to: readonly string[];
    readonly subject: readonly string[];
    readonly cc: readonly string[];
  };
  /** Line beginnings of mobile and client signatures ("Sent from my", "Inviato da iPhone"). */
  readonly mobileSignatures: readonly string[];
  /** Sign-offs that may open a signature ("Best regards", "Mvh"), without trailing punctuation. */
  readonly signOffs: readonly string[];
  /** Line beginnings that may open a legal disclaimer paragraph (confirmed by a keyword). */
  readonly disclaimerOpeners: readonly string[];
  /** Line beginnings that open a disclaimer on their own ("CONFIDENTIALITY NOTICE"). */
  readonly disclaimerHeadings: readonly string[];
  /** Words whose presence in the paragraph confirms a disclaimer ("confidential", "konfidentiell"). */
  readonly disclaimerKeywords: readonly string[];
  /** Words for an order ("order", "beställning"): a line naming one is the customer's text, not a signature line. */
  readonly orderWords: readonly string[];
  /** Phrases of a forward's cover note ("see below", "se nedan"). */
  readonly coverNotes: readonly string[];
  /** Words that carry no request of their own in a cover note (greetings, thanks). */
  readonly coverWords: readonly string[];
  readonly autoReply: {
    /** Subject beginnings of auto-replies and delivery failures ("Automatic reply", "Undeliverable"). */
    readonly subjects: readonly string[];
    /** Subject beginnings that count only when the message also carries X-Auto-Response-Suppress. */
    readonly weakSubjects: readonly string[];
    /** Body sentences of auto-replies ("This is an automatic reply"), matched at a sentence start near the top of the body. */
    readonly bodyStarts: readonly string[];
    /** Labels ("Automatic reply", "Undeliverable") that count only as the whole first line of the body, or followed by ":" or "(". */
    readonly bodyLabels: readonly string[];
    /** First-person absence phrases ("I am out of the office"), matched at a sentence start of a short body. */
    readonly absence: readonly string[];
    /** Words that must accompany an absence phrase (return date, a colleague to contact). */
    readonly absenceCues: readonly string[];
    /** Shop words ("order", "paket", "comanda") that show a customer writing about their absence, not an auto-reply. */
    readonly absenceBlockers: readonly string[];
  };
}
