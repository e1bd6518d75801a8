import type { EmailLocale } from '../locale';

/**
 * Strings that mail clients set up in other languages put around a message
 * (French, German, Spanish, Danish, Norwegian…): customers write in one of ours
 * but their phone or webmail may speak another.
 */
export const clients: EmailLocale = {
  forwardPrefixes: ['Tr', 'TR', 'RV', 'WG', 'Enc', 'Doorst', 'Fs'],
  replyPrefixes: ['Aw', 'AW', 'Antw', 'Réf', 'Ref', 'Odp', 'Vs', 'Ynt'],
  attributionStarts: ['Le', 'Am', 'El', 'Op', 'Em', 'Den'],
  attributionEnds: ['a écrit :', 'a écrit:', 'schrieb:', 'escribió:', 'schreef:', 'escreveu:', 'kirjoitti:'],
  attributionVerbs: ['schrieb', 'skrev', 'skreiv'],
  originalMessage: ['Message d\'origine', 'Ursprüngliche Nachricht', 'Mensaje original', 'Oorspronkelijk bericht', 'Opprinnelig melding', 'Oprindelig meddelelse'],
  forwardMarkers: [
    'Message transféré', 'Début du message réexpédié', 'Weitergeleitete Nachricht', 'Anfang der weitergeleiteten Nachricht',
    'Mensaje reenviado', 'Videresendt meddelelse', 'Videresendt melding',
  ],
  headerFields: {
    from: ['De', 'Von', 'Fra', 'Van'],
    date: ['Envoyé', 'Gesendet', 'Enviado', 'Sendt', 'Fecha', 'Datum'],
    to: ['À', 'An', 'Para', 'Til', 'Aan'],
    subject: ['Objet', 'Betreff', 'Asunto', 'Emne', 'Onderwerp'],
    cc: ['Cc'],
  },
  mobileSignatures: ['Envoyé de mon ', 'Von meinem ', 'Enviado desde mi ', 'Enviado do meu ', 'Sendt fra min '],
  signOffs: ['Cordialement', 'Bien cordialement', 'Mit freundlichen Grüßen', 'Viele Grüße', 'Saludos', 'Un saludo', 'Atentamente', 'Med venlig hilsen', 'Mvh'],
  disclaimerOpeners: ['Ce message', 'Ce courriel', 'Diese E-Mail', 'Dieses E-Mail', 'Este mensaje', 'Este correo'],
  disclaimerHeadings: [],
  disclaimerKeywords: ['confidentiel', 'vertraulich', 'confidencial', 'destinataire', 'empfänger'],
  orderWords: ['commande', 'bestellung', 'pedido'],
  coverNotes: [],
  coverWords: [],
  autoReply: {
    subjects: ['Réponse automatique', 'Automatische Antwort', 'Abwesenheitsnotiz', 'Respuesta automática', 'Fuera de la oficina', 'Absence du bureau', 'Unzustellbar', 'Non remis'],
    weakSubjects: [],
    bodyStarts: [],
    bodyLabels: [],
    absence: [],
    absenceCues: [],
    absenceBlockers: [],
  },
};
