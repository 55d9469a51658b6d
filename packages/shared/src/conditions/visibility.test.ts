import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { validateAnswers } from '../answers/validate-answers';
import { formDefinitionSchema } from '../definition/schema';
import { certificateByMail } from '../examples/certificate-by-mail';
import { schoolPlansSurvey } from '../examples/school-plans-survey';
import { allFieldsForm } from '../testing/all-fields';
import { shownParts } from './visibility';

const school = v.parse(formDefinitionSchema, schoolPlansSurvey);
const certificate = v.parse(formDefinitionSchema, certificateByMail);

describe('shownParts', () => {
  test('a field shows once the answer before it asks for it', () => {
    expect(shownParts(certificate, {}, 'ja').fields.has('purpose_detail')).toBe(false);
    expect(shownParts(certificate, { purpose: 'other' }, 'ja').fields.has('purpose_detail')).toBe(
      true,
    );
    // An invalid answer counts as no answer, as in validation.
    expect(shownParts(certificate, { purpose: 'nope' }, 'ja').fields.has('purpose_detail')).toBe(
      false,
    );
  });

  test('row fields are keyed by the posted row index and see their own row', () => {
    const shown = shownParts(
      school,
      {
        children: [
          { school_plan: 'private', child_nationality: 'japan' },
          {},
          { school_plan: 'designated', child_nationality: 'other' },
        ],
      },
      'ja',
    );
    expect(shown.fields.has('children.0.planned_school')).toBe(true);
    expect(shown.fields.has('children.0.nationality_name')).toBe(false);
    expect(shown.fields.has('children.1.child_name')).toBe(true);
    expect(shown.fields.has('children.2.planned_school')).toBe(false);
    expect(shown.fields.has('children.2.foreign_heading')).toBe(true);
  });

  test('pages follow their conditions', () => {
    const form = allFieldsForm();
    expect(shownParts(form, {}, 'ja').pages.has('p2')).toBe(false);
    expect(shownParts(form, { one: 'a' }, 'ja').pages.has('p2')).toBe(true);
  });

  test('agrees with validation on which answers are kept', () => {
    const answers = {
      certificate_kind: 'record_individual',
      copies: '2',
      purpose: 'pension',
      purpose_detail: 'dropped because hidden',
    };
    const validated = validateAnswers(certificate, answers, 'ja', { pages: [] });
    const shown = shownParts(certificate, answers, 'ja');
    expect(validated.ok && Object.keys(validated.answers).every((id) => shown.fields.has(id))).toBe(
      true,
    );
    expect(shown.fields.has('purpose_detail')).toBe(false);
  });

  test('never throws on input of the wrong shape', () => {
    for (const input of [null, 'x', 3, [], { children: 'x' }, { children: [null, 4, 'x'] }])
      expect(() => shownParts(school, input, 'en')).not.toThrow();
  });
});
