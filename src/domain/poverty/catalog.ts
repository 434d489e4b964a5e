/**
 * The standards catalog as data: the rule tables of every standard version (income lines, indicators,
 * score rules, average band, low-income-worker ceilings, B1 item tables) and the periods they apply to,
 * each value with its citation and verification status. The national catalog is the data file
 * reference/poverty/standards.json; the server loads it into the database at start and classifies with
 * the catalog read back from there, so a provincial standard or a new version is data, not code.
 * This file only checks the shape: a value without its citation or status is refused.
 */
import type { PovertyStandard, StandardApplication, StandardCatalog, VerificationStatus } from './types';

export const VERIFICATION_STATUSES: readonly VerificationStatus[] = [
  'verified',
  'verified_secondary',
  'partial',
  'unverified',
];

/** The data file's shape: the catalog and the gaps it knows of. */
export interface CatalogData extends StandardCatalog {
  knownGapsVi: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function check(ok: boolean, where: string, what: string): void {
  if (!ok) throw new Error(`Danh mục chuẩn nghèo không hợp lệ tại ${where}: ${what}.`);
}

function checkProvenance(o: Json, where: string, needsSources = true): void {
  check(typeof o.citation === 'string' && o.citation.trim() !== '', where, 'thiếu căn cứ (citation)');
  check(VERIFICATION_STATUSES.includes(o.status as VerificationStatus), where, `trạng thái "${String(o.status)}"`);
  if (needsSources) check(Array.isArray(o.sources), where, 'thiếu danh sách nguồn (sources)');
}

/** Every `{ value, … }` below a node carries its citation, status and sources. */
function checkValues(node: unknown, where: string): void {
  if (Array.isArray(node)) node.forEach((x, i) => checkValues(x, `${where}[${i}]`));
  else if (isObject(node)) {
    if ('value' in node) {
      check(typeof node.value === 'number' && Number.isFinite(node.value), where, 'giá trị không phải là số');
      checkProvenance(node, where);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'value') checkValues(v, `${where}.${k}`);
  }
}

function checkStandard(s: unknown, where: string): PovertyStandard {
  check(isObject(s), where, 'không phải là một chuẩn');
  const o = s as Json;
  check(typeof o.id === 'string' && o.id !== '', where, 'thiếu mã (id)');
  check(typeof o.nameVi === 'string', where, 'thiếu tên (nameVi)');
  checkProvenance(o, where);
  for (const area of ['rural', 'urban'])
    check(isObject((o.incomeLine as Json | undefined)?.[area]), where, `thiếu chuẩn thu nhập (${area})`);
  check(isObject(o.minDeprivations), where, 'thiếu số chỉ số thiếu hụt tối thiểu');
  check(Array.isArray(o.indicators) && o.indicators.length > 0, where, 'thiếu danh mục chỉ số');
  (o.indicators as unknown[]).forEach((ind, i) => {
    const w = `${where}.indicators[${i}]`;
    check(isObject(ind) && typeof ind.code === 'string' && typeof ind.key === 'string', w, 'thiếu mã chỉ số');
    check(VERIFICATION_STATUSES.includes((ind as Json).status as VerificationStatus), w, 'trạng thái');
  });
  checkValues(o, where);
  return s as PovertyStandard;
}

/** Checks the data of a catalog (the national file, or a standard added by a province) and returns it typed. */
export function catalogFromData(raw: unknown): CatalogData {
  check(isObject(raw), 'gốc', 'không phải là một đối tượng');
  const o = raw as Json;
  check(Array.isArray(o.standards), 'standards', 'không phải là danh sách');
  const standards = (o.standards as unknown[]).map((s, i) => checkStandard(s, `standards[${i}]`));
  const ids = new Set(standards.map((s) => s.id));
  const applications = ((o.applications as unknown[] | undefined) ?? []).map((a, i) => {
    const where = `applications[${i}]`;
    check(isObject(a), where, 'không phải là một thời kỳ áp dụng');
    const x = a as Json;
    check(ids.has(x.standardId as string), where, `chuẩn "${String(x.standardId)}" không có trong danh mục`);
    checkProvenance(x, where);
    return a as StandardApplication;
  });
  const itemTables = ((o.itemTables as unknown[] | undefined) ?? []).map((t, i) => {
    const where = `itemTables[${i}]`;
    check(isObject(t) && ids.has((t as Json).standardId as string), where, 'chuẩn của bảng điểm không có');
    checkProvenance(t as Json, where, false);
    return t as StandardCatalog['itemTables'][number];
  });
  const knownGapsVi = ((o.knownGapsVi as unknown[] | undefined) ?? []).map(String);
  return { standards, applications, itemTables, knownGapsVi };
}
