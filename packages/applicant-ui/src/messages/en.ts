import type { Messages } from './types';

const yenEn = new Intl.NumberFormat('en-US');

/** The English texts. */
export const en: Messages = {
  htmlLang: 'en',
  genericService: 'Online applications',
  skipLink: 'Skip to main content',
  languageNav: 'Language / 言語',
  languageNames: { ja: '日本語', en: 'English' },
  required: 'Required',
  optional: 'Optional',
  next: 'Continue',
  back: 'Back',
  toConfirm: 'Check your answers',
  backToConfirm: 'Back to your answers',
  pageProgress: (page, total) => `Page ${page} of ${total}`,
  errorSummaryTitle: 'There is a problem',
  errorTitlePrefix: 'Error: ',
  newFieldsNotice:
    'Your answers need a few more details. Check the questions that were added and continue again.',
  rowLegend: (label, row) => `${label} ${row}`,
  addRow: (label) => `Add ${label.toLowerCase()}`,
  removeRow: (label, row) => `Remove ${label.toLowerCase()} ${row}`,
  rowsLimit: (min, max) =>
    min > 0 ? `Enter at least ${min} and up to ${max}.` : `You can enter up to ${max}.`,

  startButton: 'Start now',
  purposeHeading: 'How we use your personal information',
  needHeading: 'Before you start, have ready',
  aboutHeading: 'About this procedure',
  startNote: 'Read how we use your personal information before you continue.',
  placesLeft: (n) => `Places left: ${n}`,
  closesAt: (date) => `Closes: ${date}`,
  resendLinkPrompt: 'Already applied and lost the link to your application?',

  resumeTitle: 'You have an unfinished application',
  resumeBody:
    'You can continue from where you stopped on this device (within 24 hours of your last step). On a shared device, choose “Start again”.',
  resumeButton: 'Continue where you stopped',
  resumeDiscard: 'Start again',
  maxLength: (n) => `Up to ${n} characters.`,
  lengthRange: (min, max) => `Between ${min} and ${max} characters.`,
  katakanaHint: 'Use katakana (hiragana is converted for you).',
  digitsHint: 'Use digits only.',
  alphanumericHint: 'Use letters A–Z and digits only.',
  numberRange: (min, max) =>
    min !== undefined && max !== undefined
      ? `A number from ${min} to ${max}.`
      : min !== undefined
        ? `A number of ${min} or more.`
        : max !== undefined
          ? `A number of ${max} or less.`
          : 'A number.',
  emailConfirmLabel: 'Enter it again to confirm',
  phoneHint: 'For example, 03-1234-5678 (hyphens are optional)',
  dateHint: 'For example, 2026-04-01',
  timeHint: 'For example, 09:30',
  wareki: (text) => `Japanese calendar: ${text}`,
  ageLimit: (min, max) =>
    min !== undefined && max !== undefined
      ? `For people aged ${min} to ${max}.`
      : min !== undefined
        ? `For people aged ${min} or over.`
        : `For people aged ${max ?? ''} or under.`,
  postalHint: '7 digits, for example 160-8484.',
  postalFound: 'The address was filled in from the postal code. Add the block number and building.',
  postalPartial:
    'The prefecture and city were filled in from the postal code. Add the district and block number.',
  postalNotFound: 'No address was found for this postal code. Enter the address yourself.',
  prefecturePlaceholder: 'Select a prefecture',
  selectPlaceholder: 'Select one',
  yes: 'Yes',
  no: 'No',
  agree: 'I agree',
  termsHeading: 'Terms',
  myNumberHint: '12 digits.',
  myNumberStored: (masked) =>
    `Already entered (${masked}). Enter all 12 digits only if you want to change it.`,
  bankCodeHint: '4 digits',
  branchCodeHint: '3 digits',
  accountNumberHint: 'Up to 7 digits',
  accountTypes: { ordinary: 'Ordinary', current: 'Current', savings: 'Savings' },
  fileLimits: (types, maxMb, maxFiles) =>
    `Accepted: ${types}. Up to ${maxMb} MB a file, ${maxFiles} ${maxFiles === 1 ? 'file' : 'files'} in all.`,
  filesAttached: 'Attached files',
  removeFile: (name) => `Remove “${name}”`,
  fileChooseMore: (left) => `You can attach ${left} more.`,
  fileSent: 'Files are sent when you continue.',
  slotLeft: (n) => `${n} left`,
  slotFull: 'Full',
  feeUnit: (price) => `Unit price: ${price}`,
  feeAmount: (price, quantity, amount) => `${price} × ${quantity} = ${amount}`,
  feeLater: 'The amount is shown when you check your answers.',
  feeQuantityLabel: 'Quantity',
  yen: (amount) => `¥${yenEn.format(amount)}`,

  confirmTitle: 'Check your answers',
  confirmIntro:
    'Check what you entered. Use “Change” to correct an answer. When everything is right, submit at the bottom of the page.',
  confirmSubmit: 'Submit',
  confirmPrintNote: 'You can print this page for your records.',
  change: 'Change',
  feeSettled: 'Fee',
  feeTotal: 'Amount to pay',
  notAnswered: '(not answered)',
  rowHeading: (label, row) => `${label} ${row}`,

  completeTitle: 'Application received',
  referenceNumber: 'Reference number',
  referenceNote: 'Keep it: you will need it if you contact us.',
  nextStepsHeading: 'What happens next',
  nextSteps:
    'The office checks your application and handles it. If something needs correcting, we will ask you by email. You can follow your application at any time from the link in the email.',
  mailSent: 'We have sent a confirmation to the email address you gave.',
  mailSentAwaitingPayment: 'We have sent how to pay to the email address you gave.',
  nextStepsAfterPayment:
    'Once your payment is confirmed, the department will review your application. You can check it and pay at any time from the link in the email.',
  statusLink: 'See the status of your application',
  print: 'Use your browser’s print function to keep a copy.',

  statusTitle: 'Your application',
  currentState: 'Status',
  submittedAt: 'Submitted',
  paymentState: 'Payment',
  historyHeading: 'History',
  historyAt: 'When',
  historyWhat: 'What',
  correctionHeading: 'Corrections requested',
  fieldsToFix: 'Answers to correct',
  answersHeading: 'Your answers',
  actionsHeading: 'What you can do',
  withdrawAction: 'Withdraw this application',
  correctAction: 'Correct your answers',
  reapplyAction: 'Apply again with these answers',
  revision: (n) => ` (version ${n})`,

  withdrawTitle: 'Withdraw your application',
  withdrawQuestion:
    'This withdraws your application. A withdrawn application cannot be restored. Do you want to withdraw it?',
  withdrawConfirm: 'Withdraw',
  withdrawCancel: 'Keep my application',
  withdrawnTitle: 'Your application has been withdrawn',
  withdrawnBody: 'We have sent you an email about it. You can apply again if you need to.',

  correctionTitle: 'Correct your application',
  correctionIntro:
    'Make the corrections the office asked for. You will check your answers before you submit them again.',
  toFixBadge: 'Correction requested',
  resubmit: 'Submit the corrected application',
  resubmittedTitle: 'Corrected application submitted',
  resubmittedBody: 'The office will check it again and tell you the result by email.',

  reapplyNotice: 'Your previous answers are filled in. Check them as you go.',

  resendTitle: 'Get a new link to your application',
  resendIntro:
    'Enter the email address you used when you applied. If there is an application with that address, we will send it a new link. Older links stop working.',
  resendEmailLabel: 'Email address',
  resendButton: 'Send the link',
  resendSentTitle: 'Request received',
  resendSentBody:
    'If there is an application with that address, we have sent a link to it. If nothing arrives, check the address and try again.',
  resendEmailProblem: 'Enter an email address in the correct format, like name@example.jp',

  verifyTitle: 'Confirm your email address',
  verifyIntro:
    'This form first confirms your email address. We will send a 6-digit code to the address you enter.',
  verifyEmailLabel: 'Email address',
  verifySend: 'Send the code',
  verifyCodeTitle: 'Enter the code',
  verifyCodeIntro: (email, minutes) =>
    `We sent a 6-digit code to ${email}. Enter it within ${minutes} minutes.`,
  verifyCodeLabel: 'Code',
  verifyCodeHint: '6 digits',
  verifyConfirm: 'Confirm',
  verifyResend: 'Send a new code',
  verifiedNotice: (email) => `Your email address (${email}) is confirmed.`,

  cardTitle: 'Confirm who you are with your My Number card',
  cardIntro:
    'This form needs authentication with your My Number card. Authenticate in the app from the button below; your name and other details are then filled in from the card and cannot be changed. Your My Number (individual number) is not read.',
  cardStart: 'Authenticate with My Number card',
  cardVerifiedNotice:
    'You are authenticated with your My Number card. Answers filled in from the card cannot be changed.',
  cardLocked: 'From your My Number card (cannot be changed)',

  awaitingPaymentTitle: 'Waiting for your payment',
  awaitingPaymentBody:
    'Your application is not complete yet: it is received once your payment is confirmed. Without payment by the deadline, the application lapses.',
  paymentHeading: 'Payment',
  paymentAmount: 'Amount',
  paymentDeadline: 'Pay by',
  payButton: 'Go to payment',
  payAfterAcceptanceBody:
    'Your application has been accepted. Please pay the fee with the button below.',
  paymentFailedBody: 'The payment did not go through. Please try again.',
  paymentPaidBody: 'We have received your payment. Thank you.',
  paymentRefundedBody: 'This payment has been refunded.',
  paymentNotPayable: 'This application cannot be paid for at the moment.',
  payLinkTitle: 'Pay the fee',
  payLinkIntro: 'Please pay the fee for this application.',
  toPaymentTitle: 'Opening the payment page',
  toPaymentBody: 'If nothing happens, use the link below.',

  linkOpenedTitle: 'Opening your application',
  linkOpenedBody: 'If nothing happens, use the link below.',
  continue: 'See your application',

  problems: {
    not_found: {
      title: 'Page not found',
      body: 'Check the address. Pages of forms that have closed cannot be shown.',
    },
    link_invalid: {
      title: 'This link cannot be used',
      body: 'A newer link has been sent, or the address is not right. Open the latest link in your email, or ask for a new link.',
    },
    no_link: {
      title: 'Open this from the link in your email',
      body: 'Your application is shown from the link in the confirmation email. If some time has passed, open the link again.',
    },
    closed: { title: 'This form is closed', body: 'Please contact the office for help.' },
    not_open: { title: 'This form is not open yet', body: 'Please come back when it opens.' },
    full: {
      title: 'This form has reached its capacity',
      body: 'If places become free again, you will be able to apply.',
    },
    already_applied: {
      title: 'You have already applied',
      body: 'This form takes one application per person. Follow yours from the link in the confirmation email.',
    },
    csrf: {
      title: 'This could not be sent from this page',
      body: 'The page may have been open for too long, or the request came from another site. Please try again.',
    },
    draft_expired: {
      title: 'Your answers have expired',
      body: 'For your security, answers are kept only for a limited time. Please start again.',
    },
    bad_request: {
      title: 'What was sent could not be processed',
      body: 'Please start again.',
    },
    too_large: {
      title: 'What was sent is too large',
      body: 'Check the size of your files and the length of your answers.',
    },
    unsupported: {
      title: 'This file cannot be attached',
      body: 'Check the accepted file types and sizes.',
    },
    provider_unavailable: {
      title: 'The payment provider could not be reached',
      body: 'Nothing has been paid yet. Please wait a while and try again from the status page of your application.',
    },
    too_many: { title: 'Too many attempts', body: 'Please wait a while and try again.' },
    conflict: {
      title: 'This cannot be done in the application’s current state',
      body: 'Check the status of your application.',
    },
    card_failed: {
      title: 'We could not confirm who you are with your card',
      body: 'The authentication was cancelled, took too long, or the authentication service could not be reached. Nothing has been saved. Please start the form again.',
    },
    code_expired: {
      title: 'The code has expired',
      body: 'The code has expired or was tried too often. Ask for a new code.',
    },
    internal: {
      title: 'Something went wrong on our side',
      body: 'We are sorry. Please try again later.',
    },
  },
  problemReference: (id) => `Reference for enquiries: ${id}`,
  startAgain: 'Start again',
  toStatus: 'Back to your application',
};
