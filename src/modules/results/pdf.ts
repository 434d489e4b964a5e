/** An M&E report as an official document (PDF with the national heading, fonts embedded). */
import { reportHeading } from '../../domain/results';
import { formatDateVi } from '../../domain/text';
import { renderDocumentPdf, type OfficialDocument } from '../documents';
import type { ReportView } from './contracts';

export function reportDocument(v: ReportView): OfficialDocument {
  const h = reportHeading({
    unitName: v.unit.name,
    provinceName: v.unit.provinceName,
    formNameVi: v.form.nameVi,
    submittedOn: v.report.submittedOn,
    periodEndsOn: v.period.endsOn,
  });
  return {
    issuingBody: h.issuingBody,
    number: null,
    place: h.place,
    date: h.date,
    formNumber: `${v.form.number} (${v.form.annex}, ${v.form.legalBasis})`,
    title: h.title,
    subtitle: v.period.labelVi,
    body: [
      {
        kind: 'table',
        headers: ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu'],
        widths: [30, '*', 70, 80],
        align: ['center', 'left', 'center', 'right'],
        rows: v.form.fields.map((f, i) => [i + 1, f.labelVi, f.unit, v.report.values[f.code] ?? '']),
      },
      ...(v.report.approvals.length
        ? [
            {
              kind: 'paragraph' as const,
              italic: true,
              text: `Đã gửi và phê duyệt: ${v.report.approvals.map((a) => `${a.labelVi} (${formatDateVi(a.on)})`).join('; ')}.`,
            },
          ]
        : []),
    ],
    signature: { authority: h.signatureAuthority, signerTitle: h.signerTitle },
    recipients: h.recipients,
  };
}

export const reportPdf = (v: ReportView) => renderDocumentPdf(reportDocument(v));
