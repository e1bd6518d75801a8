import type { EmailLocale } from '../locale';

/** Romanian: Outlook, Gmail and Yahoo in Romanian, and Romanian sign-offs (with and without diacritics). */
export const ro: EmailLocale = {
  forwardPrefixes: ['Redirecționare', 'Redirectionare', 'Redirecționat'],
  replyPrefixes: ['Răspuns', 'Raspuns'],
  attributionStarts: ['În', 'In', 'Pe'],
  attributionEnds: ['a scris:', 'ați scris:'],
  attributionVerbs: [],
  originalMessage: ['Mesaj original', 'Mesajul original', 'Mesaj inițial', 'Scrieți răspunsul deasupra acestei linii', 'Răspundeți deasupra acestei linii'],
  forwardMarkers: [
    'Mesaj redirecționat', 'Mesajul redirecționat', 'Mesaj redirectionat', 'Mesaj transmis', 'Mesaj înaintat',
    'Începutul mesajului redirecționat', 'Început mesaj redirecționat',
  ],
  headerFields: {
    from: ['De la', 'Expeditor'],
    date: ['Trimis', 'Dată', 'Data', 'Trimis la'],
    to: ['Către', 'Destinatar', 'Pentru'],
    subject: ['Subiect', 'Subiectul'],
    cc: ['Cc', 'Bcc'],
  },
  mobileSignatures: [
    'Trimis de pe ', 'Trimis din ', 'Trimis cu ', 'Trimis de pe iPhone', 'Obțineți Outlook pentru ', 'Obtineti Outlook pentru ', 'Descărcați Outlook pentru ',
  ],
  signOffs: [
    'Cu stimă', 'Cu stima', 'Cu respect', 'Cu deosebită stimă', 'Cu bine', 'Cu drag', 'Mulțumesc', 'Mulțumesc frumos',
    'Mulțumesc anticipat', 'Mulțumiri', 'Vă mulțumesc', 'Toate cele bune', 'Numai bine', 'O zi bună', 'Salutări', 'Multe mulțumiri',
  ],
  disclaimerOpeners: [
    'Acest mesaj', 'Acest e-mail', 'Acest email', 'Acest mail', 'Mesajul de față', 'Informațiile conținute', 'Informațiile din',
    'Prezentul mesaj', 'Confidențialitate',
  ],
  disclaimerHeadings: ['Notă de confidențialitate', 'Clauză de confidențialitate', 'Gândiți-vă la mediu', 'Protejați mediul'],
  disclaimerKeywords: ['confidențial', 'neautorizat', 'privilegiat', 'destinatarul indicat', 'destinatarii indicați', 'destinatarului desemnat'],
  orderWords: ['comanda', 'comandă', 'comenzii', 'comanda nr'],
  coverNotes: ['vezi mai jos', 'vedeți mai jos', 'vedeti mai jos', 'vezi emailul de mai jos', 'vezi e-mailul de mai jos', 'vă redirecționez', 'retrimit', 'trimit din nou', 'redirecționez'],
  coverWords: ['bună', 'ziua', 'salut', 'bună ziua', 'vă', 'rog', 'mulțumesc', 'stimate', 'stimată', 'doamnă', 'domnule'],
  autoReply: {
    subjects: ['Răspuns automat', 'Raspuns automat', 'Nelivrabil', 'Nelivrat', 'Mesaj nelivrat', 'Absent din birou', 'În afara biroului', 'Citit:'],
    weakSubjects: ['Concediu', 'În concediu', 'Absent'],
    bodyStarts: [
      'Acesta este un răspuns automat', 'Acesta este un mesaj automat', 'Acest mesaj a fost generat automat',
      'Mesajul dvs. nu a putut fi livrat', 'Mesajul dumneavoastră nu a putut fi livrat', 'Mesajul nu a putut fi livrat',
    ],
    bodyLabels: ['Răspuns automat', 'Mesaj automat', 'Nelivrabil'],
    absence: [
      'Sunt în concediu', 'Sunt plecat', 'Sunt plecată', 'Sunt în afara biroului', 'Nu sunt la birou', 'Lipsesc de la birou',
      'Voi fi în concediu', 'Sunt absent', 'Sunt absentă',
    ],
    absenceCues: ['revin', 'mă întorc', 'până la', 'până în', 'contactați', 'urgențe', 'acces limitat', 'în lipsa mea'],
    absenceBlockers: ['comandă', 'comanda', 'colet', 'coletul', 'livrare', 'livrați', 'livrat', 'retur', 'rambursare', 'curier'],
  },
};
