import type { EmailLocale } from '../locale';

/** Swedish: Outlook, Gmail and Apple Mail in Swedish, and how Swedish customers sign off. */
export const sv: EmailLocale = {
  forwardPrefixes: ['VB', 'Vb', 'Vidarebefordrat', 'Vidarebefordra'],
  replyPrefixes: ['Sv', 'SV', 'Svar'],
  attributionStarts: ['Den'],
  attributionEnds: ['skrev:', 'skrev följande:'],
  attributionVerbs: ['skrev'],
  originalMessage: ['Ursprungligt meddelande', 'Originalmeddelande', 'Original meddelande', 'Ursprungligt mejl', 'Skriv ditt svar ovanför den här raden', 'Skriv ditt svar ovanför denna rad'],
  forwardMarkers: [
    'Vidarebefordrat meddelande', 'Vidarebefordrat e-postmeddelande', 'Vidarebefordrat mejl',
    'Början av vidarebefordrat meddelande', 'Början på vidarebefordrat meddelande',
  ],
  headerFields: {
    from: ['Från', 'Avsändare'],
    date: ['Skickat', 'Skickades', 'Datum'],
    to: ['Till', 'Mottagare'],
    subject: ['Ämne', 'Ärende'],
    cc: ['Kopia', 'Hemlig kopia', 'Svara till'],
  },
  mobileSignatures: [
    'Skickat från min ', 'Skickat från Outlook', 'Skickat från E-post för Windows', 'Skickat från Mail för Windows',
    'Skickat från Yahoo', 'Skickat från Samsung', 'Skickades från min ', 'Skickat via ', 'Hämta Outlook för ', 'Skaffa Outlook för ',
  ],
  signOffs: [
    'Med vänliga hälsningar', 'Med vänlig hälsning', 'Vänliga hälsningar', 'Vänlig hälsning', 'Bästa hälsningar',
    'Varma hälsningar', 'Många hälsningar', 'Hälsningar', 'Hälsning', 'Mvh', 'M.v.h', 'MVH', 'Vh', 'Allt gott', 'Ha det bra',
    'Tack på förhand', 'Tack så mycket', 'Tack igen', 'Stort tack', 'Tack', 'Hälsar', 'Hej så länge',
  ],
  disclaimerOpeners: [
    'Detta e-postmeddelande', 'Detta e-brev', 'Detta meddelande', 'Detta mejl', 'Detta mail', 'Denna e-post',
    'Informationen i detta', 'Innehållet i detta', 'Om du inte är', 'Konfidentiell', 'Sekretess',
  ],
  disclaimerHeadings: ['Sekretessmeddelande', 'Ansvarsfriskrivning', 'Tänk på miljön', 'Tänk på miljön innan du skriver ut'],
  disclaimerKeywords: ['konfidentiell', 'sekretess', 'avsedd mottagare', 'avsedda mottagare', 'avsett endast', 'obehörig', 'rätt mottagare'],
  orderWords: ['order', 'ordernr', 'ordernummer', 'beställning', 'beställningsnummer', 'köp'],
  coverNotes: [
    'se nedan', 'se mejlet nedan', 'se mailet nedan', 'se mitt mejl nedan', 'se mitt mail nedan', 'se nedanstående',
    'se bifogat', 'vidarebefordrar', 'skickar igen', 'skickar om', 'för kännedom',
  ],
  coverWords: ['hej', 'hejsan', 'hallå', 'tjena', 'tack', 'snälla', 'igen', 'mvh', 'god', 'morgon', 'dag', 'kväll'],
  autoReply: {
    subjects: [
      'Automatiskt svar', 'Autosvar', 'Frånvaromeddelande', 'Frånvaro', 'Frånvarande', 'Olevererbart', 'Ej levererat',
      'Kan inte levereras', 'Meddelandet kunde inte levereras', 'Returnerat e-postmeddelande', 'Läst:', 'Oläst:',
    ],
    weakSubjects: ['Semester', 'Ledig', 'Tjänstledig', 'Föräldraledig', 'Borta'],
    bodyStarts: [
      'Detta är ett automatiskt svar', 'Detta är ett automatiskt genererat', 'Detta är ett autosvar', 'Det här är ett automatiskt svar',
      'Ditt meddelande kunde inte levereras', 'Det gick inte att leverera', 'Meddelandet kunde inte levereras',
    ],
    bodyLabels: ['Automatiskt svar', 'Autosvar', 'Frånvaromeddelande', 'Olevererbart'],
    absence: [
      'Jag är på semester', 'Jag har semester', 'Jag är ledig', 'Jag är tjänstledig', 'Jag är föräldraledig',
      'Jag är sjukskriven', 'Jag är borta', 'Jag är inte på kontoret', 'Jag är frånvarande', 'Jag är på tjänsteresa',
    ],
    absenceCues: [
      'tillbaka', 'åter', 't.o.m', 'till och med', 'begränsad tillgång', 'kontakta', 'brådskande ärenden', 'under min frånvaro',
    ],
    absenceBlockers: ['order', 'beställning', 'paket', 'leverans', 'leverera', 'retur', 'återbetalning', 'köp'],
  },
};
