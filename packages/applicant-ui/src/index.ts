export {
  type BrandColour,
  brandColours,
  type Chrome,
  defaultBrandColour,
  renderDocument,
  type SummaryError,
} from './document';
export { type FieldContext, fieldContext, issueAnchor } from './fields/context';
export { hasFileField } from './fields/field';
export {
  compositeParts,
  isStoredMyNumber,
  type PostedPage,
  type PostedValues,
  type RawAnswers,
  readPostedPage,
  rowCount,
} from './form-data';
export { formatDateTime } from './format';
export { type Messages, messagesFor, type ProblemKind } from './messages';
export {
  type AnswerPath,
  actionValue,
  type FormAction,
  inputId,
  inputName,
  liveName,
  mainFormId,
  parseAction,
  pathKey,
} from './names';
export { CompletePage, ConfirmPage, FormPageView, StartPage } from './pages/apply';
export { CardAuthPage } from './pages/card';
export { ProblemPage, ResendPage, ResendSentPage } from './pages/other';
export { PayLinkPage, PaymentPanel, type PaymentView, ToPaymentPage } from './pages/payment';
export { SandboxPayPage } from './pages/sandbox-pay';
export {
  type ApplicationView,
  DonePage,
  fieldLabels,
  LinkOpenedPage,
  type StatusLinks,
  StatusPage,
  WithdrawPage,
} from './pages/status';
export { VerifyCodePage, VerifyEmailPage } from './pages/verify';
export { AnswerSummary, formatAnswer } from './summary';
