import type { Locale } from '@madoguchi/shared';

/**
 * Every text of the resident pages that is not the form's own. Japanese is written first and is
 * the reference; English follows it. Form texts (titles, labels, help) come from the definition.
 */
export interface Messages {
  htmlLang: string;
  genericService: string;
  skipLink: string;
  languageNav: string;
  languageNames: Record<Locale, string>;
  required: string;
  optional: string;
  next: string;
  back: string;
  toConfirm: string;
  backToConfirm: string;
  pageProgress: (page: number, total: number) => string;
  errorSummaryTitle: string;
  errorTitlePrefix: string;
  newFieldsNotice: string;
  rowLegend: (rowLabel: string, row: number) => string;
  addRow: (rowLabel: string) => string;
  removeRow: (rowLabel: string, row: number) => string;
  rowsLimit: (min: number, max: number) => string;

  startButton: string;
  purposeHeading: string;
  needHeading: string;
  aboutHeading: string;
  startNote: string;
  placesLeft: (n: number) => string;
  closesAt: (date: string) => string;
  resendLinkPrompt: string;
  resumeTitle: string;
  resumeBody: string;
  resumeButton: string;
  resumeDiscard: string;

  maxLength: (n: number) => string;
  lengthRange: (min: number, max: number) => string;
  katakanaHint: string;
  digitsHint: string;
  alphanumericHint: string;
  numberRange: (min?: number, max?: number) => string;
  emailConfirmLabel: string;
  phoneHint: string;
  dateHint: string;
  timeHint: string;
  wareki: (text: string) => string;
  ageLimit: (min?: number, max?: number) => string;
  postalHint: string;
  postalFound: string;
  postalPartial: string;
  postalNotFound: string;
  prefecturePlaceholder: string;
  selectPlaceholder: string;
  yes: string;
  no: string;
  agree: string;
  termsHeading: string;
  myNumberHint: string;
  myNumberStored: (masked: string) => string;
  bankCodeHint: string;
  branchCodeHint: string;
  accountNumberHint: string;
  accountTypes: Record<'ordinary' | 'current' | 'savings', string>;
  fileLimits: (types: string, maxMb: number, maxFiles: number) => string;
  filesAttached: string;
  removeFile: (name: string) => string;
  fileChooseMore: (left: number) => string;
  fileSent: string;
  slotLeft: (n: number) => string;
  slotFull: string;
  feeUnit: (price: string) => string;
  feeAmount: (price: string, quantity: number, amount: string) => string;
  feeLater: string;
  feeQuantityLabel: string;
  yen: (amount: number) => string;

  confirmTitle: string;
  confirmIntro: string;
  confirmSubmit: string;
  confirmPrintNote: string;
  change: string;
  feeSettled: string;
  feeTotal: string;
  notAnswered: string;
  rowHeading: (rowLabel: string, row: number) => string;

  completeTitle: string;
  referenceNumber: string;
  referenceNote: string;
  nextStepsHeading: string;
  nextSteps: string;
  mailSent: string;
  mailSentAwaitingPayment: string;
  nextStepsAfterPayment: string;
  statusLink: string;
  print: string;

  statusTitle: string;
  currentState: string;
  submittedAt: string;
  paymentState: string;
  historyHeading: string;
  historyAt: string;
  historyWhat: string;
  correctionHeading: string;
  fieldsToFix: string;
  answersHeading: string;
  actionsHeading: string;
  withdrawAction: string;
  correctAction: string;
  reapplyAction: string;
  revision: (n: number) => string;

  withdrawTitle: string;
  withdrawQuestion: string;
  withdrawConfirm: string;
  withdrawCancel: string;
  withdrawnTitle: string;
  withdrawnBody: string;

  correctionTitle: string;
  correctionIntro: string;
  toFixBadge: string;
  resubmit: string;
  resubmittedTitle: string;
  resubmittedBody: string;

  reapplyNotice: string;

  resendTitle: string;
  resendIntro: string;
  resendEmailLabel: string;
  resendButton: string;
  resendSentTitle: string;
  resendSentBody: string;
  resendEmailProblem: string;

  verifyTitle: string;
  verifyIntro: string;
  verifyEmailLabel: string;
  verifySend: string;
  verifyCodeTitle: string;
  verifyCodeIntro: (email: string, minutes: number) => string;
  verifyCodeLabel: string;
  verifyCodeHint: string;
  verifyConfirm: string;
  verifyResend: string;
  verifiedNotice: (email: string) => string;

  cardTitle: string;
  cardIntro: string;
  cardStart: string;
  cardVerifiedNotice: string;
  /** The hint of an answer filled in from the card (read-only). */
  cardLocked: string;

  /** Paying: the completion and status pages, the payment link page. */
  awaitingPaymentTitle: string;
  awaitingPaymentBody: string;
  paymentHeading: string;
  paymentAmount: string;
  paymentDeadline: string;
  payButton: string;
  payAfterAcceptanceBody: string;
  paymentFailedBody: string;
  paymentPaidBody: string;
  paymentRefundedBody: string;
  paymentNotPayable: string;
  payLinkTitle: string;
  payLinkIntro: string;
  toPaymentTitle: string;
  toPaymentBody: string;

  linkOpenedTitle: string;
  linkOpenedBody: string;
  continue: string;

  problems: Record<ProblemKind, { title: string; body: string }>;
  problemReference: (requestId: string) => string;
  startAgain: string;
  toStatus: string;
}

/** The kinds of page a resident sees when something cannot be done. */
export type ProblemKind =
  | 'not_found'
  | 'provider_unavailable'
  | 'link_invalid'
  | 'no_link'
  | 'closed'
  | 'not_open'
  | 'full'
  | 'already_applied'
  | 'csrf'
  | 'draft_expired'
  | 'bad_request'
  | 'too_large'
  | 'unsupported'
  | 'too_many'
  | 'conflict'
  | 'code_expired'
  | 'card_failed'
  | 'internal';
