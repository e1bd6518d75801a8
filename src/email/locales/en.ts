import type { EmailLocale } from '../locale';

/** English, and the English strings that mail clients use whatever the customer's language. */
export const en: EmailLocale = {
  forwardPrefixes: ['Fwd', 'Fw', 'Forward'],
  replyPrefixes: ['Re'],
  attributionStarts: ['On', 'At'],
  attributionEnds: ['wrote:', 'writes:'],
  attributionVerbs: [],
  originalMessage: ['Original Message', 'Reply Message', 'Please type your reply above this line', 'Reply above this line'],
  forwardMarkers: ['Forwarded message', 'Forwarded Message Follows', 'Begin forwarded message', 'Forwarded e-mail', 'Forwarded email'],
  headerFields: {
    from: ['From'],
    date: ['Sent', 'Date'],
    to: ['To'],
    subject: ['Subject'],
    cc: ['Cc', 'Bcc', 'Reply-To'],
  },
  mobileSignatures: [
    'Sent from my ', 'Sent from Outlook', 'Sent from Mail for Windows', 'Sent from Yahoo Mail', 'Sent from Samsung',
    'Sent from the all new AOL', 'Sent from Gmail', 'Sent from ProtonMail', 'Sent from Proton Mail', 'Sent with Proton Mail',
    'Sent via ', 'Sent using ', 'Get Outlook for ',
  ],
  signOffs: [
    'Best regards', 'Kind regards', 'Warm regards', 'Regards', 'With kind regards', 'With best regards', 'Best wishes',
    'Many thanks', 'Thanks in advance', 'Thanks again', 'Thank you', 'Thanks', 'Cheers', 'Best', 'All the best',
    'Sincerely', 'Yours sincerely', 'Yours faithfully', 'Yours truly', 'Respectfully', 'BR', 'KR', 'Br', 'Rgds',
  ],
  disclaimerOpeners: [
    'This e-mail', 'This email', 'This message', 'This communication', 'This electronic', 'The information contained',
    'The information in this', 'The contents of this', 'Confidential', 'Privileged', 'Notice:', 'Important:', 'If you are not the intended',
  ],
  disclaimerHeadings: [
    'Confidentiality notice', 'Confidentiality note', 'Disclaimer', 'Legal disclaimer', 'Please consider the environment',
  ],
  disclaimerKeywords: ['confidential', 'privileged', 'intended recipient', 'intended only', 'intended solely', 'unauthorised', 'unauthorized'],
  orderWords: ['order', 'order no', 'order number', 'purchase'],
  coverNotes: [
    'see below', 'please see below', 'see the e-mail below', 'see the email below', 'see email below', 'see my email below',
    'see my e-mail below', 'see attached', 'fyi', 'fwiw', 'forwarding', 'forwarding this', 'resending', 'sending again',
  ],
  coverWords: ['hi', 'hello', 'hey', 'dear', 'good', 'morning', 'afternoon', 'evening', 'thanks', 'thank', 'you', 'please', 'pls', 'regards', 'again', 'fw', 'fwd', 'team'],
  autoReply: {
    subjects: [
      'Automatic reply', 'Auto reply', 'Autoreply', 'Auto-reply', 'Auto response', 'Autoresponse', 'Auto-response',
      'Automated response', 'Automated reply', 'Out of office', 'Out of the office', 'OOO', 'Away from the office',
      'Undeliverable', 'Undelivered Mail Returned to Sender', 'Undelivered mail', 'Delivery Status Notification',
      'Delivery failure', 'Delivery has failed', 'Mail delivery failed', 'Mail Delivery Subsystem', 'Returned mail',
      'Failure notice', 'Message not delivered', 'Mail System Error', 'Read:', 'Not read:',
    ],
    weakSubjects: ['Away', 'On vacation', 'On holiday', 'On leave', 'Vacation', 'Holiday', 'Absent'],
    bodyStarts: [
      'This is an automatic reply', 'This is an automated reply', 'This is an automated response', 'This is an automatic response',
      'This is an auto-reply', 'This is an autoreply', 'This is an automatically generated', 'This message was generated automatically',
      'This message was created automatically by mail delivery software', 'This is the mail system at host',
      'Delivery has failed to these recipients', 'Your message couldn\'t be delivered', 'Your message could not be delivered',
      'Delivery to the following recipient failed', 'Delivery to the following recipients failed',
      'I\'m sorry to have to inform you that your message could not',
    ],
    bodyLabels: ['Automatic reply', 'Auto-reply', 'Autoreply', 'Out of office', 'Undeliverable', 'Mail Delivery Subsystem', 'Mail delivery failed', 'Delivery Status Notification', 'Returned mail'],
    absence: [
      'I am out of the office', 'I\'m out of the office', 'I am currently out of the office', 'I\'m currently out of the office',
      'I am out of office', 'I\'m out of office', 'I am away', 'I\'m away', 'I am currently away', 'I\'m currently away',
      'I am on vacation', 'I\'m on vacation', 'I am on holiday', 'I\'m on holiday', 'I am on leave', 'I\'m on leave',
      'I am on parental leave', 'I\'m on parental leave', 'I will be out of the office', 'I\'ll be out of the office',
      'I am currently on', 'I\'m currently on', 'Out of office',
    ],
    absenceCues: [
      'back', 'return', 'returning', 'until', 'limited access', 'in my absence', 'contact', 'urgent matters', 'delayed response',
    ],
    absenceBlockers: ['order', 'parcel', 'package', 'delivery', 'deliver', 'refund', 'return it', 'my purchase'],
  },
};
