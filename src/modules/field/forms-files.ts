/**
 * Reads the review forms shipped in reference/field/forms/*.json once per process; the structure is
 * checked by the domain (src/domain/field/forms.ts). A broken file stops with every problem listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formsForYear, parseFormFiles, type FieldForm } from '../../domain/field/forms';
import { REFERENCE_DIR } from '../units/load';
import type { FieldFormsAnswer } from './contracts';

export const FORMS_DIR = path.join(REFERENCE_DIR, 'field', 'forms');

export function readFormFiles(dir = FORMS_DIR): FieldForm[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      try {
        return { name, json: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown };
      } catch (e) {
        throw new Error(`Biểu mẫu ${name}: không phải JSON hợp lệ (${(e as Error).message})`, { cause: e });
      }
    });
  const out = parseFormFiles(files);
  if (!out.ok) throw new Error(`Biểu mẫu rà soát trong ${dir} không hợp lệ:\n${out.problems.join('\n')}`);
  return out.forms;
}

let cached: FieldForm[] | null = null;
const shipped = () => (cached ??= readFormFiles());

export function fieldForms(year: number | undefined): FieldFormsAnswer {
  if (year === undefined) return { year: null, forms: shipped(), noticeVi: null, noticeEn: null };
  const forms = formsForYear(shipped(), year);
  return forms.length
    ? { year, forms, noticeVi: null, noticeEn: null }
    : {
        year,
        forms,
        noticeVi: `Chưa có phiếu rà soát cho năm ${year}: văn bản hướng dẫn thay thế Thông tư 07/2021/TT-BLĐTBXH chưa được xác minh.`,
        noticeEn: `No review forms for ${year}: the successor of Circular 07/2021/TT-BLĐTBXH has not been verified.`,
      };
}
