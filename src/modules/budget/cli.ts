import { Option, type Command } from 'commander';
import type { CliContext } from '../../cli/context';
import { FORMATS, printRows, type Format } from '../../cli/output';
import {
  allocate,
  COUNTERPART_02_2022,
  counterpartMinimum,
  explainLine,
  parsePool,
  UNITS,
  type MoneyUnit,
} from '../../domain/budget';
import { badRequest, invalid } from '../../errors';
import { preReformProvinceCodes, readInputsFile, readRulebookFile } from './files';

function numberArg(name: string, text: string): number {
  if (!/^\d+(\.\d+)?$/.test(text.trim()))
    throw badRequest(`${name} "${text}" phải là số không âm (dấu chấm cho phần thập phân).`);
  return Number(text);
}

/**
 * `giamngheo budget …`. `allocate` and `counterpart` are pure computations on their arguments
 * and files: they never open the database.
 */
export function registerBudgetCommands(program: Command, _ctx: CliContext) {
  const budget = program
    .command('budget')
    .description('Ngân sách Chương trình: phân bổ vốn theo tiêu chí, vốn đối ứng địa phương');

  budget
    .command('allocate')
    .description(
      'Phân bổ vốn theo phương pháp tính điểm: điểm của tỉnh = tổng điểm các tiêu chí; số vốn = tổng vốn × điểm / tổng điểm, ' +
        'làm tròn theo đơn vị bằng phương pháp số dư lớn nhất (các phần cộng lại đúng bằng tổng vốn)',
    )
    .requiredOption('--rulebook <file>', 'bộ quy tắc (JSON)')
    .requiredOption('--inputs <file>', 'dữ liệu tiêu chí (CSV: province,<mã tiêu chí>…)')
    .requiredOption('--pool <amount>', 'tổng vốn cần phân bổ, tính bằng đồng')
    .addOption(new Option('--unit <unit>', 'đơn vị làm tròn').choices(Object.keys(UNITS)).default('dong'))
    .addOption(new Option('--format <format>', 'định dạng').choices([...FORMATS, 'explain']).default('table'))
    .action((opts: { rulebook: string; inputs: string; pool: string; unit: MoneyUnit; format: Format | 'explain' }) => {
      const rulebook = readRulebookFile(opts.rulebook);
      const inputs = readInputsFile(opts.inputs);
      const pool = parsePool(opts.pool, opts.unit);
      if (!pool.ok) throw invalid('Tổng vốn không hợp lệ:', pool.problems);
      const r = allocate(rulebook, inputs, pool.value, opts.unit);
      if (!r.ok) throw invalid('Không phân bổ được:', r.problems);
      const lines = r.value.lines.map((l) => ({ province: l.province, points: l.points, amount: l.amount }));
      if (opts.format === 'json') process.stdout.write(JSON.stringify({ total: r.value.total, lines }, null, 2) + '\n');
      else if (opts.format === 'explain')
        for (const l of r.value.lines) process.stdout.write(explainLine(l, opts.unit) + '\n');
      else printRows(lines, opts.format);
    });

  budget
    .command('counterpart')
    .description('Vốn đối ứng tối thiểu của ngân sách địa phương theo Quyết định 02/2022/QĐ-TTg')
    .requiredOption('--support-ratio <r>', 'tỷ lệ hỗ trợ từ ngân sách trung ương (phân số: 0.75 cho 75%)')
    .requiredOption('--central <amount>', 'vốn ngân sách trung ương hỗ trợ cho Chương trình')
    .option(
      '--province <code>',
      'mã tỉnh theo danh mục trước 01/07/2025 (thời điểm ban hành Quyết định 02/2022/QĐ-TTg)',
    )
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action((opts: { supportRatio: string; central: string; province?: string; format: Format }) => {
      const ratio = numberArg('Tỷ lệ hỗ trợ', opts.supportRatio);
      if (ratio > 1) throw badRequest(`Tỷ lệ hỗ trợ ${opts.supportRatio} phải là phân số từ 0 đến 1 (0.75 cho 75%).`);
      const central = numberArg('Vốn trung ương', opts.central);
      if (opts.province !== undefined && !preReformProvinceCodes().has(opts.province)) {
        throw badRequest(
          `Không có tỉnh mã "${opts.province}" trong danh mục trước 01/07/2025 (Quyết định 02/2022/QĐ-TTg dùng mã tỉnh của thời điểm đó).`,
        );
      }
      const m = counterpartMinimum(COUNTERPART_02_2022, ratio, central, opts.province);
      const out = { minRatio: m.minRatio, minAmount: m.minAmount };
      if (opts.format === 'json') process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      else printRows([{ ...out, reason: m.reasonVi }], opts.format);
    });
}
