import type { FormDefinitionInput } from '../definition/schema';
import { certificateByMail } from './certificate-by-mail';
import { legalConsultation } from './legal-consultation';
import { movingOutNotice } from './moving-out-notice';
import { pregnancySupportBenefit } from './pregnancy-support-benefit';
import { reliefBenefit } from './relief-benefit';
import { schoolPlansSurvey } from './school-plans-survey';
import { staffEngagementSurvey } from './staff-engagement-survey';
import { zeroWasteDay } from './zero-waste-day';

export { certificateByMail } from './certificate-by-mail';
export { legalConsultation } from './legal-consultation';
export { movingOutNotice } from './moving-out-notice';
export { pregnancySupportBenefit } from './pregnancy-support-benefit';
export { reliefBenefit } from './relief-benefit';
export { exampleAnswers } from './sample-answers';
export { schoolPlansSurvey } from './school-plans-survey';
export { staffEngagementSurvey } from './staff-engagement-survey';
export { zeroWasteDay } from './zero-waste-day';

/** The demo ward's forms (みどり区), keyed by slug, in the order of the procedures list. */
export const exampleDefinitions: Record<string, FormDefinitionInput> = {
  'legal-consultation': legalConsultation,
  'pregnancy-support-benefit': pregnancySupportBenefit,
  'zero-waste-day': zeroWasteDay,
  'staff-engagement-survey': staffEngagementSurvey,
  'relief-benefit': reliefBenefit,
  'school-plans-survey': schoolPlansSurvey,
  'certificate-by-mail': certificateByMail,
  'moving-out-notice': movingOutNotice,
};
