import type { Locale } from '../i18n/locale';

/** Codes of the problems the definition checks report. */
export type DefinitionProblemCode =
  | 'shape'
  | 'duplicate_page_id'
  | 'duplicate_field_id'
  | 'duplicate_csv_column'
  | 'duplicate_option_value'
  | 'duplicate_slot_id'
  | 'japanese_text_missing'
  | 'range_inverted'
  | 'condition_too_deep'
  | 'condition_unknown_field'
  | 'condition_later_field'
  | 'condition_out_of_scope'
  | 'condition_cycle'
  | 'condition_incompatible'
  | 'condition_unknown_value'
  | 'fee_quantity_field'
  | 'payment_without_fee'
  | 'card_attributes_missing'
  | 'card_prefill_target'
  | 'card_gender_values'
  | 'one_per_person_source'
  | 'period_inverted'
  | 'unknown_placeholder'
  | 'no_input_fields';

type Params = Record<string, string | number>;
type Catalog = Record<DefinitionProblemCode, (p: Params) => string>;

const ja: Catalog = {
  shape: (p) => `形式が正しくありません：${p.detail}`,
  duplicate_page_id: (p) => `ページID「${p.id}」が重複しています`,
  duplicate_field_id: (p) => `項目ID「${p.id}」が重複しています（${p.other} と同じ）`,
  duplicate_csv_column: (p) => `CSV列名「${p.column}」が重複しています`,
  duplicate_option_value: (p) => `選択肢の値「${p.value}」が重複しています`,
  duplicate_slot_id: (p) => `予約枠ID「${p.id}」が重複しています`,
  japanese_text_missing: () => '日本語の文言を入力してください',
  range_inverted: (p) => `下限（${p.min}）が上限（${p.max}）を超えています`,
  condition_too_deep: (p) => `表示条件の入れ子が深すぎます（${p.max}段まで）`,
  condition_unknown_field: (p) => `表示条件が存在しない項目「${p.field}」を参照しています`,
  condition_later_field: (p) =>
    `表示条件は前にある項目だけを参照できます（「${p.field}」は後ろにあります）`,
  condition_out_of_scope: (p) =>
    `表示条件が繰り返し項目の中の「${p.field}」を参照しています。同じ行の中からのみ参照できます`,
  condition_cycle: (p) => `表示条件が循環しています：${p.cycle}`,
  condition_incompatible: (p) => `演算子「${p.op}」は項目「${p.field}」（${p.type}）に使えません`,
  condition_unknown_value: (p) => `値「${p.value}」は項目「${p.field}」の選択肢にありません`,
  fee_quantity_field: (p) =>
    `手数料の数量は、この繰り返し項目の外にある整数の数値項目を参照してください（「${p.field}」）`,
  payment_without_fee: () => 'オンライン決済を使うには、手数料項目か定額手数料が必要です',
  card_attributes_missing: () => 'マイナンバーカード認証で取得する属性を1つ以上選んでください',
  card_prefill_target: (p) =>
    `属性「${p.attribute}」の転記先「${p.field}」は${p.expected}項目である必要があります`,
  card_gender_values: (p) =>
    `性別の転記先「${p.field}」には、値が male と female の選択肢が必要です（カードの性別はこの値で届きます）`,
  one_per_person_source: (p) =>
    p.rule === 'email'
      ? '「1人1回」をメールアドレスで判定するには、メールアドレス項目が必要です'
      : '「1人1回」をカード認証で判定するには、マイナンバーカード認証を有効にしてください',
  period_inverted: () => '受付終了日時が受付開始日時より前になっています',
  unknown_placeholder: (p) =>
    `差し込み文字「{{${p.name}}}」は使えません（使えるもの：${p.allowed}）`,
  no_input_fields: () => '入力項目が1つもありません',
};

const en: Catalog = {
  shape: (p) => `Not in the right format: ${p.detail}`,
  duplicate_page_id: (p) => `Page id "${p.id}" is used twice`,
  duplicate_field_id: (p) => `Field id "${p.id}" is used twice (also at ${p.other})`,
  duplicate_csv_column: (p) => `CSV column "${p.column}" is used twice`,
  duplicate_option_value: (p) => `Option value "${p.value}" is used twice`,
  duplicate_slot_id: (p) => `Slot id "${p.id}" is used twice`,
  japanese_text_missing: () => 'Enter the Japanese text',
  range_inverted: (p) => `The minimum (${p.min}) is above the maximum (${p.max})`,
  condition_too_deep: (p) => `The condition is nested too deeply (at most ${p.max} levels)`,
  condition_unknown_field: (p) =>
    `The condition refers to a field that does not exist: "${p.field}"`,
  condition_later_field: (p) =>
    `A condition can only refer to earlier fields ("${p.field}" comes later)`,
  condition_out_of_scope: (p) =>
    `The condition refers to "${p.field}" inside a repeatable group; only fields of the same row can`,
  condition_cycle: (p) => `The conditions depend on each other in a loop: ${p.cycle}`,
  condition_incompatible: (p) => `Operator "${p.op}" cannot be used with "${p.field}" (${p.type})`,
  condition_unknown_value: (p) => `"${p.value}" is not one of the options of "${p.field}"`,
  fee_quantity_field: (p) =>
    `A fee's quantity must refer to a whole-number field outside any group ("${p.field}")`,
  payment_without_fee: () => 'Online payment needs a fee field or a fixed fee',
  card_attributes_missing: () => 'Choose at least one attribute for My Number card authentication',
  card_prefill_target: (p) =>
    `The field "${p.field}" prefilled with ${p.attribute} must be a ${p.expected} field`,
  card_gender_values: (p) =>
    `The field "${p.field}" prefilled with gender needs choices valued male and female (the card gives gender as these values)`,
  one_per_person_source: (p) =>
    p.rule === 'email'
      ? '"One per person" by email needs an email field'
      : '"One per person" by card needs My Number card authentication switched on',
  period_inverted: () => 'The closing time is before the opening time',
  unknown_placeholder: (p) => `Unknown placeholder {{${p.name}}} (allowed: ${p.allowed})`,
  no_input_fields: () => 'The form has no input fields',
};

/** The message of a definition problem in a locale. */
export function definitionProblemMessage(
  code: DefinitionProblemCode,
  params: Params,
  locale: Locale,
): string {
  return (locale === 'en' ? en : ja)[code](params);
}
