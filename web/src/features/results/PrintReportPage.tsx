/**
 * Print-friendly view of a report as an official document: national heading, issuing body, number,
 * place and date, form number, figures and a signature block; the same heading as the PDF
 * (GET /api/results/reports/:id/pdf, made by the shared documents module).
 */
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatNumberVi } from '../../app/format';
import {
  OFFICIAL_DOCUMENT_WORDS as W,
  placeDateLine,
  reportHeading,
} from '../../../../src/domain/results/report-document';
import { reportByIdQuery } from './api';
import './texts';

export default function PrintReportPage() {
  const { t } = useTranslation();
  const { reportId } = useParams({ strict: false }) as { reportId: string };
  const q = useQuery(reportByIdQuery(Number(reportId)));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBox error={q.error} />;
  const v = q.data;
  const h = reportHeading({
    unitName: v.unit.name,
    provinceName: v.unit.provinceName,
    formNameVi: v.form.nameVi,
    submittedOn: v.report.submittedOn,
    periodEndsOn: v.period.endsOn,
  });
  return (
    <article className="official-document" data-testid="print-view">
      <header className="doc-heading">
        <div className="doc-issuer">
          <div>{h.issuingBody.toUpperCase()}</div>
          <div className="doc-number">
            {W.number} ……{h.numberSuffix}
          </div>
        </div>
        <div className="doc-national">
          <div className="doc-nation">{W.nationalName}</div>
          <div className="doc-motto">{W.motto}</div>
          <div className="doc-place-date">
            <em>{placeDateLine(h.place, h.date)}</em>
          </div>
        </div>
      </header>
      <p className="doc-form-number">
        {v.form.number} ({v.form.annex}, {v.form.legalBasis})
      </p>
      <h1 className="doc-title">{h.title.toUpperCase()}</h1>
      <p className="doc-subtitle">{v.period.labelVi}</p>
      <table className="doc-table">
        <thead>
          <tr>
            {W.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {v.form.fields.map((f, i) => (
            <tr key={f.code}>
              <td>{i + 1}</td>
              <td>{f.labelVi}</td>
              <td>{f.unit}</td>
              <td className="num">
                {v.report.values[f.code] == null ? '' : formatNumberVi(v.report.values[f.code] as number)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="doc-signature">
        <div className="doc-recipients">
          <strong>
            <em>{W.recipients}</em>
          </strong>
          {h.recipients.map((r, i) => (
            <div key={r}>
              - {r}
              {i === h.recipients.length - 1 ? '.' : ';'}
            </div>
          ))}
        </div>
        <div className="doc-signer">
          <strong>{h.signatureAuthority.toUpperCase()}</strong>
          <div>
            <strong>{h.signerTitle.toUpperCase()}</strong>
          </div>
          <div className="doc-sign-space">
            <em>{W.signatureHint}</em>
          </div>
        </div>
      </footer>
      <p className="no-print">
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {t('results.printNow')}
        </button>{' '}
        <a
          className="button-secondary"
          href={`/api/results/reports/${v.report.id}/pdf`}
          download
          data-testid="report-pdf"
        >
          {t('results.downloadPdf')}
        </a>
      </p>
    </article>
  );
}
