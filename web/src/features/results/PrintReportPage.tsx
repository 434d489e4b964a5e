/**
 * Print-friendly view of a report as an official document: national heading, issuing body, number,
 * place and date, form number, figures and a signature block. The PDF is made from the shared
 * documents module; this page is what it prints.
 */
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatNumberVi } from '../../app/format';
import { reportByIdQuery } from './api';

const provinceShort = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/, '');

export default function PrintReportPage() {
  const { reportId } = useParams({ strict: false }) as { reportId: string };
  const q = useQuery(reportByIdQuery(Number(reportId)));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBox error={q.error} />;
  const v = q.data;
  const date = v.report.submittedOn ?? v.period.endsOn;
  const [y, m, d] = date.split('-');
  const issuer = `ỦY BAN NHÂN DÂN ${v.unit.name.toUpperCase()}`;
  return (
    <article className="official-document" data-testid="print-view">
      <header className="doc-heading">
        <div className="doc-issuer">
          <div>{issuer}</div>
          <div className="doc-number">Số: ……/BC-UBND</div>
        </div>
        <div className="doc-national">
          <div className="doc-nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div className="doc-motto">Độc lập - Tự do - Hạnh phúc</div>
          <div className="doc-place-date">
            <em>
              {provinceShort(v.unit.provinceName || v.unit.name)}, ngày {d} tháng {m} năm {y}
            </em>
          </div>
        </div>
      </header>
      <p className="doc-form-number">
        {v.form.number} ({v.form.annex}, {v.form.legalBasis})
      </p>
      <h1 className="doc-title">BÁO CÁO {v.form.nameVi.toUpperCase()}</h1>
      <p className="doc-subtitle">{v.period.labelVi}</p>
      <table className="doc-table">
        <thead>
          <tr>
            <th>STT</th>
            <th>Chỉ tiêu</th>
            <th>Đơn vị tính</th>
            <th>Số liệu</th>
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
            <em>Nơi nhận:</em>
          </strong>
          <div>- Cấp trên theo tuyến báo cáo;</div>
          <div>- Lưu: VT.</div>
        </div>
        <div className="doc-signer">
          <strong>TM. ỦY BAN NHÂN DÂN</strong>
          <div>
            <strong>CHỦ TỊCH</strong>
          </div>
          <div className="doc-sign-space">
            <em>(Ký, ghi rõ họ tên, đóng dấu)</em>
          </div>
        </div>
      </footer>
      <p className="no-print">
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          In
        </button>
      </p>
    </article>
  );
}
