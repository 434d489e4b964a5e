/** The allocation table as an official document (PDF with the national heading). */
import { todayInVietnam } from '../../domain/text';
import { renderDocumentPdf, type OfficialDocument } from '../documents';
import type { RunLine, RunSummary } from './contracts';

export function allocationDocument(run: RunSummary, lines: RunLine[], date = todayInVietnam()): OfficialDocument {
  const total = lines.reduce((s, l) => s + l.amount, 0);
  return {
    issuingBody: 'Cơ quan chủ quản Chương trình',
    number: null,
    place: 'Hà Nội',
    date,
    formNumber: 'Phụ lục',
    title: 'Phương án phân bổ vốn ngân sách trung ương',
    subtitle: `${run.name} (kèm theo văn bản số …)`,
    body: [
      {
        kind: 'paragraph',
        text: `Căn cứ ${run.legalBasis}; bộ quy tắc "${run.rulebookName}", phiên bản ${run.rulebookVersion}. Phân bổ theo phương pháp tính điểm: số vốn của tỉnh = số vốn định mức cho 1 điểm × số điểm của tỉnh, làm tròn đến ${run.unit === 'million' ? 'triệu đồng' : 'đơn vị'} bằng phương pháp số dư lớn nhất.`,
      },
      { kind: 'paragraph', text: 'Đơn vị: triệu đồng', italic: true, align: 'right' },
      {
        kind: 'table',
        headers: ['STT', 'Tỉnh, thành phố', 'Số điểm', 'Số vốn phân bổ'],
        widths: [30, '*', 70, 100],
        align: ['center', 'left', 'right', 'right'],
        rows: [
          ...lines.map((l, i) => [i + 1, l.provinceName, l.points, l.amount / 1_000_000]),
          ['', 'Tổng cộng', lines.reduce((s, l) => s + l.points, 0), total / 1_000_000],
        ],
        totalRow: true,
      },
    ],
    signature: { authority: 'Cơ quan chủ quản Chương trình' },
    recipients: ['Các tỉnh, thành phố trực thuộc trung ương', 'Lưu: VT'],
  };
}

export const allocationPdf = (run: RunSummary, lines: RunLine[]) => renderDocumentPdf(allocationDocument(run, lines));
