/**
 * A survey filled at the household, as the classification engine reads it: the same input the
 * Excel import gives it (review year, area, score A and/or income, deprived indicators, occupation),
 * so a household classified from the phone and from the workbook gets the same class and reasons.
 */
import type { ClassifyInput } from '../poverty/classify';
import type { FieldSurveyDraft } from './draft';

export function draftToClassifyInput(draft: FieldSurveyDraft): ClassifyInput {
  const answers = draft.b1Answers && Object.keys(draft.b1Answers).length ? draft.b1Answers : null;
  return {
    area: draft.area,
    year: draft.year,
    deprived: [...draft.deprived],
    ...(draft.scoreA !== null ? { scoreA: draft.scoreA } : {}),
    ...(draft.incomePerCapita !== null ? { incomePerCapita: draft.incomePerCapita } : {}),
    // Item answers go to the engine as they are: without a verified item table it refuses them (no_item_table).
    ...(answers ? { b1Items: { answers } } : {}),
    occupation: draft.occupation,
  };
}
