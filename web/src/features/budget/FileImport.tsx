/** An all-or-nothing Excel import: file, upload progress, success line or every problem by sheet/row/column. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, uploadWithProgress } from '../../app/api';
import { ErrorBox } from '../../app/components/feedback';
import './texts';

export function FileImport<T>({
  path,
  testId,
  onDone,
  done,
  children,
}: {
  path: string;
  testId: string;
  onDone?: () => void;
  done: (r: T) => ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setOutcome(null);
    setProgress(0);
    try {
      setOutcome(await uploadWithProgress<T>(path, file, setProgress));
      onDone?.();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div>
      <form className="filters" onSubmit={submit}>
        {children}
        <label className="field">
          <span>{t('budget.file')}</span>
          <input
            type="file"
            accept=".xlsx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid={`${testId}-file`}
          />
        </label>
        <div className="field">
          <span>&nbsp;</span>
          <button
            className="button-primary"
            type="submit"
            disabled={!file || progress !== null}
            data-testid={`${testId}-submit`}
          >
            {t('budget.import')}
          </button>
        </div>
        {progress !== null && (
          <progress max={100} value={progress} aria-label={t('budget.importing', { pct: progress })} />
        )}
      </form>
      {outcome && (
        <p className="alert alert-success" role="status" data-testid={`${testId}-result`}>
          {done(outcome)}
        </p>
      )}
      {error !== null && problems.length === 0 && <ErrorBox error={error} />}
      {problems.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>{t('budget.problems')}</p>
          <table className="data compact" data-testid={`${testId}-problems`}>
            <thead>
              <tr>
                <th>{t('budget.sheet')}</th>
                <th>{t('budget.row')}</th>
                <th>{t('budget.column')}</th>
                <th>{t('budget.message')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.sheet}</td>
                  <td>{p.row}</td>
                  <td>{p.column}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
