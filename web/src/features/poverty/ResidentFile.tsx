import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { ErrorBox } from '../../app/components/feedback';
import { uploadResidentFile } from './api';

/** Resident households of many communes from a file (Excel sheet "Số hộ dân cư" or CSV): all or nothing. */
export default function ResidentFile({ year }: { year: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const problems = error instanceof ApiError ? error.problems : [];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone((await uploadResidentFile(year, file, () => undefined)).communes);
      await qc.invalidateQueries({ queryKey: ['poverty'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details data-testid="poverty-resident-file">
      <summary>{t('poverty.residentFile')}</summary>
      <p>
        <a className="button-secondary" href={`/api/poverty/resident-households/template.xlsx?year=${year}`} download>
          {t('poverty.residentTemplate')}
        </a>
      </p>
      <form className="filters" onSubmit={submit}>
        <label className="field">
          <span>{t('poverty.residentFileInput')}</span>
          <input
            type="file"
            accept=".xlsx,.csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="poverty-resident-file-input"
          />
        </label>
        <div className="field">
          <span>&nbsp;</span>
          <button className="button-primary" type="submit" disabled={!file || busy}>
            {t('poverty.import')}
          </button>
        </div>
      </form>
      {done !== null && (
        <p className="alert alert-success" role="status">
          {t('poverty.residentImported', { n: done })}
        </p>
      )}
      {error !== null && problems.length === 0 && <ErrorBox error={error} />}
      {problems.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>{t('poverty.problems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {[p.sheet, p.row && `${t('poverty.row')} ${p.row}`, p.column && `${t('poverty.column')} ${p.column}`]
                  .filter(Boolean)
                  .join(', ')}
                : {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
