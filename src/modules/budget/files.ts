/** Reading the pure commands' input files: a rulebook JSON and the criteria CSV. */
import fs from 'node:fs';
import path from 'node:path';
import { parseInputsCsv, validateRulebook, type ProvinceInputs, type Rulebook } from '../../domain/budget';
import { AppError, invalid } from '../../errors';
import { REFERENCE_DIR } from '../units/load';

function readText(file: string): string {
  if (!fs.existsSync(file)) throw new AppError(404, 'not_found', `Không tìm thấy tệp: ${file}`);
  return fs.readFileSync(file, 'utf8');
}

export function readRulebookFile(file: string): Rulebook {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(file));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid(`Bộ quy tắc ${path.basename(file)} không phải JSON hợp lệ.`, []);
  }
  const r = validateRulebook(raw);
  if (!r.ok) throw invalid(`Bộ quy tắc ${path.basename(file)} không hợp lệ:`, r.problems);
  return r.value;
}

export function readInputsFile(file: string): ProvinceInputs[] {
  const r = parseInputsCsv(readText(file));
  if (!r.ok) throw invalid(`Dữ liệu tiêu chí ${path.basename(file)} không hợp lệ:`, r.problems);
  return r.value;
}

/** Province codes before 01/07/2025 (the codes of Decision 02/2022's time), from the shipped reference list. */
export function preReformProvinceCodes(): Set<string> {
  const lines = fs
    .readFileSync(path.join(REFERENCE_DIR, 'admin/pre2025/provinces.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return new Set(lines.map((l) => l.split(',')[0]));
}
