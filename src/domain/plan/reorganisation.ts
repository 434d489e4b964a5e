/**
 * The 2025 reorganisation of the Government moved work by function, not ministry by ministry: poverty
 * reduction went from the Ministry of Labour, Invalids and Social Affairs to the Ministry of Agriculture
 * and Environment (Nghị định 35/2025/NĐ-CP, from 01/03/2025), vocational education to the Ministry of
 * Education and Training, employment to the Ministry of Home Affairs, grassroots information (thông tin
 * cơ sở) out of the Ministry of Information and Communications. An assignment goes to the successor of
 * its function, which is the function of its project or sub-project; what cannot be decided is reported.
 * Sources and status of each transfer: reference/legal/plan.csv.
 */

export const FUNCTIONS = ['poverty', 'vocational', 'employment', 'grassroots_info'] as const;
export type FunctionCode = (typeof FUNCTIONS)[number];

export const FUNCTION_LABELS: Record<FunctionCode, string> = {
  poverty: 'giảm nghèo',
  vocational: 'giáo dục nghề nghiệp',
  employment: 'việc làm',
  grassroots_info: 'thông tin cơ sở',
};

/**
 * The function of a task's work from its project code (QĐ 90/QĐ-TTg structure): Dự án 4 Tiểu dự án 1
 * is vocational education, Tiểu dự án 2 (contract work abroad) and 3 (sustainable employment) are
 * employment, Dự án 6 Tiểu dự án 1 is information-poverty reduction (grassroots information). Dự án 4 as
 * a whole is both vocational education and employment: null (undecidable). A task without a project is
 * the program's own work: poverty reduction.
 */
export function functionOfProject(code: string | null): FunctionCode | null {
  if (!code) return 'poverty';
  if (code === 'DA4.TDA1') return 'vocational';
  if (code === 'DA4.TDA2' || code === 'DA4.TDA3') return 'employment';
  if (code === 'DA4') return null;
  if (code === 'DA6.TDA1') return 'grassroots_info';
  return 'poverty';
}

export interface FunctionTransfer {
  fromAgencyId: string;
  /** a function, or '*' for everything of the agency not listed */
  functionCode: FunctionCode | '*';
  /** null: the act is known, the receiving agency is not */
  toAgencyId: string | null;
  onDate: string;
}

export type Receiver =
  { kind: 'agency'; agencyId: string } | { kind: 'structural' } | { kind: 'undecided'; reason: string };

/**
 * Who receives the work of `fromAgencyId` for a task of function `fn` on `onDate`. An agency split by
 * function goes by its transfers (the function's own, else its '*'); an agency without transfers (a
 * province merged into another) follows its structural successor.
 */
export function receiverByFunction(
  fromAgencyId: string,
  fn: FunctionCode | null,
  transfers: readonly FunctionTransfer[],
  onDate: string,
): Receiver {
  const own = transfers.filter((t) => t.fromAgencyId === fromAgencyId && t.onDate <= onDate);
  if (!own.length) return { kind: 'structural' };
  const match = (fn && own.find((t) => t.functionCode === fn)) || own.find((t) => t.functionCode === '*');
  if (!match)
    return {
      kind: 'undecided',
      reason: fn
        ? `không có cơ quan tiếp nhận chức năng ${FUNCTION_LABELS[fn]}`
        : 'nhiệm vụ thuộc nhiều chức năng (không rõ dự án, tiểu dự án)',
    };
  if (!match.toAgencyId) return { kind: 'undecided', reason: 'chưa xác định cơ quan tiếp nhận' };
  return { kind: 'agency', agencyId: match.toAgencyId };
}
