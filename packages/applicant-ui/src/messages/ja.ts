import type { Messages } from './types';

const yenJa = new Intl.NumberFormat('ja-JP');

/** The Japanese texts: the reference every other language follows. */
export const ja: Messages = {
  htmlLang: 'ja',
  genericService: 'オンライン申請',
  skipLink: '本文へ移動',
  languageNav: '言語 / Language',
  languageNames: { ja: '日本語', en: 'English' },
  required: '必須',
  optional: '任意',
  next: '次へ進む',
  back: '前の画面に戻る',
  toConfirm: '入力内容を確認する',
  backToConfirm: '確認画面に戻る',
  pageProgress: (page, total) => `${total}ページ中 ${page}ページ目`,
  errorSummaryTitle: '入力内容を確認してください',
  errorTitlePrefix: 'エラー：',
  newFieldsNotice:
    '回答に応じて、入力していただく項目が追加されました。追加された項目を確認して、もう一度進んでください。',
  rowLegend: (label, row) => `${label}（${row}件目）`,
  addRow: (label) => `${label}を追加する`,
  removeRow: (label, row) => `${label}（${row}件目）を削除する`,
  rowsLimit: (min, max) =>
    min > 0 ? `${min}件以上、${max}件まで入力できます` : `${max}件まで入力できます`,

  startButton: '申請を始める',
  purposeHeading: '個人情報の利用目的',
  needHeading: 'あらかじめご用意いただくもの',
  aboutHeading: 'この手続について',
  startNote: '個人情報の利用目的をご確認のうえ、お進みください。',
  placesLeft: (n) => `受付可能な残り件数：${n}件`,
  closesAt: (date) => `受付期限：${date}`,
  resendLinkPrompt: '申請済みの方で、確認用のリンクが分からなくなった場合',
  resumeTitle: '入力途中の申請があります',
  resumeBody:
    'この端末で入力途中だった内容を、続きから入力できます（最後の操作から24時間以内）。共用の端末では「最初から入力する」を選んでください。',
  resumeButton: '続きから入力する',
  resumeDiscard: '最初から入力する',

  maxLength: (n) => `${n}文字以内で入力してください。`,
  lengthRange: (min, max) => `${min}文字以上${max}文字以内で入力してください。`,
  katakanaHint: 'カタカナで入力してください（ひらがなで入力してもカタカナに変換します）。',
  digitsHint: '数字で入力してください。',
  alphanumericHint: '半角英数字で入力してください。',
  numberRange: (min, max) =>
    min !== undefined && max !== undefined
      ? `${min}から${max}までの数字で入力してください。`
      : min !== undefined
        ? `${min}以上の数字で入力してください。`
        : max !== undefined
          ? `${max}以下の数字で入力してください。`
          : '数字で入力してください。',
  emailConfirmLabel: '確認のため、もう一度入力してください',
  phoneHint: '例：03-1234-5678（ハイフンはなくても構いません）',
  dateHint: '例：2026-04-01',
  timeHint: '例：09:30',
  wareki: (text) => `和暦：${text}`,
  ageLimit: (min, max) =>
    min !== undefined && max !== undefined
      ? `${min}歳以上${max}歳以下の方が対象です。`
      : min !== undefined
        ? `${min}歳以上の方が対象です。`
        : `${max ?? ''}歳以下の方が対象です。`,
  postalHint: '7桁の数字で入力してください（例：160-8484）。',
  postalFound: '郵便番号から住所を入力しました。番地・建物名を続けて入力してください。',
  postalPartial: '郵便番号から都道府県と市区町村を入力しました。町名・番地を入力してください。',
  postalNotFound: 'この郵便番号の住所が見つかりませんでした。住所を入力してください。',
  prefecturePlaceholder: '都道府県を選択してください',
  selectPlaceholder: '選択してください',
  yes: 'はい',
  no: 'いいえ',
  agree: '同意する',
  termsHeading: '同意事項',
  myNumberHint: '12桁の数字で入力してください。',
  myNumberStored: (masked) =>
    `入力済みです（${masked}）。変更する場合のみ、12桁すべてを入力してください。`,
  bankCodeHint: '4桁の数字',
  branchCodeHint: '3桁の数字',
  accountNumberHint: '7桁までの数字',
  accountTypes: { ordinary: '普通', current: '当座', savings: '貯蓄' },
  fileLimits: (types, maxMb, maxFiles) =>
    `添付できる形式：${types}。1ファイル${maxMb}MBまで、${maxFiles}ファイルまで添付できます。`,
  filesAttached: '添付済みのファイル',
  removeFile: (name) => `「${name}」を削除する`,
  fileChooseMore: (left) => `あと${left}ファイル添付できます。`,
  fileSent: 'ファイルは「次へ進む」を押したときに送信されます。',
  slotLeft: (n) => `残り${n}枠`,
  slotFull: '満員',
  feeUnit: (price) => `単価：${price}`,
  feeAmount: (price, quantity, amount) => `${price} × ${quantity} ＝ ${amount}`,
  feeLater: '金額は、確認画面で表示します。',
  feeQuantityLabel: '数量',
  yen: (amount) => `${yenJa.format(amount)}円`,

  confirmTitle: '申請内容の確認',
  confirmIntro:
    '入力した内容をご確認ください。修正する場合は「変更」を押してください。よろしければ、ページ下の「この内容で申請する」を押してください。',
  confirmSubmit: 'この内容で申請する',
  confirmPrintNote: 'このページは印刷して控えにできます。',
  change: '変更',
  feeSettled: '手数料',
  feeTotal: 'お支払いいただく金額',
  notAnswered: '（未入力）',
  rowHeading: (label, row) => `${label}（${row}件目）`,

  completeTitle: '申請を受け付けました',
  referenceNumber: '受付番号',
  referenceNote: 'お問い合わせの際に必要です。控えておいてください。',
  nextStepsHeading: '今後の流れ',
  nextSteps:
    '担当課で申請内容を確認し、手続を進めます。内容に不備がある場合は、メールで修正をお願いすることがあります。申請の状況は、メールに記載された確認用のリンクからいつでも確認できます。',
  mailSent: '入力されたメールアドレスに、受付のお知らせを送信しました。',
  mailSentAwaitingPayment: '入力されたメールアドレスに、お支払いのご案内を送信しました。',
  nextStepsAfterPayment:
    'お支払いが確認できた後、担当課で申請内容を確認し、手続を進めます。申請の状況とお支払いは、メールに記載された確認用のリンクからいつでも確認できます。',
  statusLink: '申請の状況を確認する',
  print: '印刷する場合は、ブラウザの印刷機能をお使いください。',

  statusTitle: '申請の状況',
  currentState: '現在の状況',
  submittedAt: '申請日時',
  paymentState: 'お支払い',
  historyHeading: 'これまでの経過',
  historyAt: '日時',
  historyWhat: '内容',
  correctionHeading: '修正のお願い',
  fieldsToFix: '修正が必要な項目',
  answersHeading: '申請内容',
  actionsHeading: 'この申請でできること',
  withdrawAction: '申請を取り下げる',
  correctAction: '申請内容を修正する',
  reapplyAction: 'この内容をもとに、もう一度申請する',
  revision: (n) => `（第${n}版）`,

  withdrawTitle: '申請の取下げ',
  withdrawQuestion: 'この申請を取り下げます。取り下げた申請は元に戻せません。よろしいですか。',
  withdrawConfirm: '取り下げる',
  withdrawCancel: '取り下げずに戻る',
  withdrawnTitle: '申請を取り下げました',
  withdrawnBody: '取下げのお知らせをメールで送信しました。必要な場合は、もう一度申請できます。',

  correctionTitle: '申請内容の修正',
  correctionIntro:
    '担当課からのお願いに沿って修正してください。修正後、内容を確認して再申請します。',
  toFixBadge: '修正をお願いしている項目',
  resubmit: '修正した内容で再申請する',
  resubmittedTitle: '修正した内容で再申請しました',
  resubmittedBody: '担当課で改めて確認します。結果はメールでお知らせします。',

  reapplyNotice: '前回の申請内容を入力済みにしています。内容を確認して進んでください。',

  resendTitle: '確認用リンクの再送',
  resendIntro:
    '申請のときに入力したメールアドレスを入力してください。そのアドレスで申請があった場合は、新しい確認用リンクをお送りします。以前のリンクは使えなくなります。',
  resendEmailLabel: 'メールアドレス',
  resendButton: 'リンクを送信する',
  resendSentTitle: '送信を受け付けました',
  resendSentBody:
    '入力されたメールアドレスで申請があった場合は、確認用のリンクをお送りしました。しばらくしても届かない場合は、アドレスに誤りがないか確認して、もう一度お試しください。',
  resendEmailProblem: 'メールアドレスを正しい形式で入力してください（例：name@example.jp）',

  verifyTitle: 'メールアドレスの確認',
  verifyIntro:
    'この申請では、はじめにメールアドレスを確認します。入力したアドレスに6桁の確認コードをお送りします。',
  verifyEmailLabel: 'メールアドレス',
  verifySend: '確認コードを送信する',
  verifyCodeTitle: '確認コードの入力',
  verifyCodeIntro: (email, minutes) =>
    `${email} に6桁の確認コードを送信しました。${minutes}分以内に入力してください。`,
  verifyCodeLabel: '確認コード',
  verifyCodeHint: '6桁の数字',
  verifyConfirm: '確認する',
  verifyResend: 'コードを送り直す',
  verifiedNotice: (email) => `メールアドレス（${email}）を確認しました。`,

  cardTitle: 'マイナンバーカードで本人確認',
  cardIntro:
    'この申請は、マイナンバーカードでの本人確認が必要です。次のボタンから認証アプリで認証すると、氏名などがカードの情報で入力されます（変更はできません）。マイナンバー（個人番号）は取得しません。',
  cardStart: 'マイナンバーカードで認証する',
  cardVerifiedNotice:
    'マイナンバーカードで本人確認しました。カードの情報で入力した項目は変更できません。',
  cardLocked: 'マイナンバーカードの情報です（変更できません）',

  awaitingPaymentTitle: 'お支払いをお待ちしています',
  awaitingPaymentBody:
    '申請はまだ完了していません。お支払いが確認できた時点で、申請を受け付けます。期限までにお支払いがない場合、この申請は無効になります。',
  paymentHeading: 'お支払い',
  paymentAmount: '金額',
  paymentDeadline: 'お支払いの期限',
  payButton: 'お支払いへ進む',
  payAfterAcceptanceBody: '申請を受理しました。次のボタンから、手数料をお支払いください。',
  paymentFailedBody: 'お支払いが完了しませんでした。もう一度お支払いください。',
  paymentPaidBody: 'お支払いを確認しました。ありがとうございました。',
  paymentRefundedBody: 'このお支払いは返金しました。',
  paymentNotPayable: '現在、この申請のお支払いは受け付けていません。',
  payLinkTitle: '手数料のお支払い',
  payLinkIntro: '次の申請の手数料をお支払いください。',
  toPaymentTitle: 'お支払いのページへ移動します',
  toPaymentBody: '自動で移動しない場合は、次のリンクを押してください。',

  linkOpenedTitle: '申請の状況を表示しています',
  linkOpenedBody: '自動で移動しない場合は、次のリンクを押してください。',
  continue: '申請の状況を表示する',

  problems: {
    not_found: {
      title: 'ページが見つかりません',
      body: 'アドレスに誤りがないか確認してください。申請の受付が終わったページは表示できません。',
    },
    link_invalid: {
      title: 'このリンクは使用できません',
      body: '新しいリンクが発行されたか、アドレスが正しくありません。メールに記載された最新のリンクを開くか、確認用リンクの再送をお申し込みください。',
    },
    no_link: {
      title: '確認用のリンクから開いてください',
      body: '申請の状況は、受付のお知らせメールに記載された確認用のリンクから表示できます。表示してから時間がたった場合も、もう一度リンクを開いてください。',
    },
    closed: { title: 'この申請の受付は終了しました', body: 'お問い合わせは担当課へお願いします。' },
    not_open: {
      title: 'この申請はまだ受付を開始していません',
      body: '受付開始後に、もう一度お越しください。',
    },
    full: {
      title: '定員に達したため、受付を終了しました',
      body: '取下げなどで空きが出た場合は、再び申し込めるようになります。',
    },
    already_applied: {
      title: 'すでに申請を受け付けています',
      body: 'この申請は1人1回までです。申請の状況は、受付のお知らせメールのリンクから確認できます。',
    },
    csrf: {
      title: 'この画面からは送信できませんでした',
      body: '画面を表示してから時間がたったか、別の画面から送信された可能性があります。お手数ですが、もう一度操作してください。',
    },
    draft_expired: {
      title: '入力の有効期限が切れました',
      body: '安全のため、一定の時間がたった入力内容は使えなくなります。お手数ですが、最初から入力してください。',
    },
    bad_request: {
      title: '送信された内容を処理できませんでした',
      body: 'お手数ですが、最初からやり直してください。',
    },
    too_large: {
      title: '送信された内容が大きすぎます',
      body: 'ファイルの大きさや、入力した文字の量を確認してください。',
    },
    unsupported: {
      title: 'このファイルは添付できません',
      body: '添付できる形式と大きさを確認してください。',
    },
    provider_unavailable: {
      title: '決済事業者に接続できませんでした',
      body: 'お支払いはまだ行われていません。しばらく時間をおいてから、申請の状況のページからもう一度お試しください。',
    },
    too_many: {
      title: '操作の回数が上限に達しました',
      body: 'しばらく時間をおいてから、もう一度お試しください。',
    },
    conflict: {
      title: 'この申請は、現在の状況ではその操作ができません',
      body: '申請の状況を確認してください。',
    },
    card_failed: {
      title: 'マイナンバーカードで本人確認できませんでした',
      body: '認証が中止されたか、時間がたちすぎたか、認証サービスに接続できませんでした。入力した内容は保存されていません。申請の最初からもう一度お試しください。',
    },
    code_expired: {
      title: '確認コードの有効期限が切れました',
      body: '確認コードの有効期限が切れたか、入力の回数が上限に達しました。もう一度コードを送信してください。',
    },
    internal: {
      title: 'システムエラーが発生しました',
      body: '申し訳ありません。時間をおいて、もう一度お試しください。',
    },
  },
  problemReference: (id) => `お問い合わせ番号：${id}`,
  startAgain: '最初に戻る',
  toStatus: '申請の状況に戻る',
};
