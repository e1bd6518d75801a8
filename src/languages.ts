/** The languages the router understands. Adding one means adding data files, not code. */
export const LANGUAGES = ['sv', 'en', 'it', 'ro'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A detected language, or `und` when the text is in none of ours or carries no evidence. */
export type LanguageCode = Language | 'und';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
