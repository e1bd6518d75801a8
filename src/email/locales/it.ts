import type { EmailLocale } from '../locale';

/** Italian: Outlook, Gmail, Libero and Apple Mail in Italian, and Italian sign-offs. */
export const it: EmailLocale = {
  forwardPrefixes: ['I', 'Inoltro', 'Inoltra', 'Inoltrato'],
  replyPrefixes: ['R', 'Rif', 'Ris', 'Risposta'],
  attributionStarts: ['Il', 'In data'],
  attributionEnds: ['ha scritto:', 'hai scritto:', 'scrive:'],
  attributionVerbs: [],
  originalMessage: ['Messaggio originale', 'Messaggio originario', 'Scrivi la tua risposta sopra questa riga', 'Rispondi sopra questa riga'],
  forwardMarkers: ['Messaggio inoltrato', 'Inizio messaggio inoltrato', 'Messaggio Inoltrato', 'Email inoltrata', 'E-mail inoltrata'],
  headerFields: {
    from: ['Da', 'Mittente'],
    date: ['Inviato', 'Data', 'Inviato il'],
    to: ['A', 'Destinatario'],
    subject: ['Oggetto'],
    cc: ['Cc', 'Ccn', 'Rispondi a'],
  },
  mobileSignatures: [
    'Inviato da iPhone', 'Inviato da iPad', 'Inviato dal mio ', 'Inviato da Outlook', 'Inviato da Posta', 'Inviato da Yahoo',
    'Inviato da Libero', 'Inviato da smartphone', 'Inviato da Samsung', 'Inviato tramite ', 'Scarica Outlook per ', 'Ottieni Outlook per ',
  ],
  signOffs: [
    'Cordiali saluti', 'Distinti saluti', 'Saluti cordiali', 'Cordialmente', 'Saluti', 'Un saluto', 'Un cordiale saluto',
    'Grazie mille', 'Grazie in anticipo', 'Grazie anticipatamente', 'Grazie', 'Buona giornata', 'Buona serata', 'A presto', 'Distintamente',
  ],
  disclaimerOpeners: [
    'Questo messaggio', 'Questa e-mail', 'Questa email', 'Questa mail', 'Il presente messaggio', 'La presente e-mail',
    'La presente email', 'Le informazioni contenute', 'Ai sensi del', 'Riservatezza', 'Informativa',
  ],
  disclaimerHeadings: ['Avviso di riservatezza', 'Clausola di riservatezza', 'Rispetta l\'ambiente', 'Pensa all\'ambiente'],
  disclaimerKeywords: ['confidenzial', 'riservat', 'destinatario indicato', 'destinatari indicati', 'd.lgs', 'non autorizzat'],
  orderWords: ['ordine', 'ordinazione', 'acquisto'],
  coverNotes: ['vedi sotto', 'vedi qui sotto', 'vedere sotto', 'vedi la mail sotto', 'vedi email sotto', 'vedi in basso', 'vi inoltro', 'ti inoltro', 'inoltro', 'invio di nuovo', 'rinvio'],
  coverWords: ['ciao', 'salve', 'buongiorno', 'buonasera', 'gentili', 'gentile', 'grazie', 'saluti', 'cortesemente', 'prego'],
  autoReply: {
    subjects: [
      'Risposta automatica', 'Risposta Automatica', 'Fuori sede', 'Fuori ufficio', 'Non recapitabile', 'Messaggio non recapitato',
      'Notifica di mancato recapito', 'Mancato recapito', 'Letto:',
    ],
    weakSubjects: ['Assente', 'In ferie', 'Ferie', 'Vacanza'],
    bodyStarts: [
      'Questa è una risposta automatica', 'Questo è un messaggio automatico', 'Questo messaggio è stato generato automaticamente',
      'Il messaggio non è stato recapitato', 'Impossibile recapitare il messaggio',
    ],
    bodyLabels: ['Risposta automatica', 'Messaggio automatico', 'Fuori sede', 'Non recapitabile'],
    absence: [
      'Sono fuori ufficio', 'Sono fuori sede', 'Sono in ferie', 'Sono assente', 'Sono in vacanza', 'Sarò fuori ufficio', 'Sarò assente',
      'Fuori sede', 'Attualmente sono fuori', 'Al momento sono fuori',
    ],
    absenceCues: ['rientro', 'tornerò', 'fino al', 'dal ', 'contattare', 'contattate', 'urgenze', 'accesso limitato', 'sarò di nuovo'],
    absenceBlockers: ['ordine', 'pacco', 'consegna', 'consegnare', 'spedizione', 'reso', 'rimborso', 'acquisto'],
  },
};
