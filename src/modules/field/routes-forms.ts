/**
 * GET /api/field/forms: the review forms of Circular 07/2021 as data, for the phone form and the desktop.
 * Not personal data; any signed-in user (reviewers are commune officers). Registered by the field module's routes.
 */
import { z } from 'zod';
import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { FieldFormsAnswer } from './contracts';
import { fieldForms } from './forms-files';

const FormsQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2021, { message: 'Năm phải từ 2021.' })
    .max(2100, { message: 'Năm không hợp lệ.' })
    .optional(),
});

export function registerFieldFormsRoutes(r: Router, _deps: AppDeps) {
  r.get(
    '/api/field/forms',
    {
      summary: 'Phiếu rà soát hộ nghèo (Thông tư 07/2021/TT-BLĐTBXH) dạng dữ liệu: câu hỏi, điểm đã xác minh, nguồn',
      access: 'authenticated',
      tags: ['field'],
      query: FormsQuery,
      reference: true,
      response: FieldFormsAnswer,
    },
    ({ query }) => fieldForms(query.year),
  );
}
