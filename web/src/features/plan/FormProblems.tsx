/**
 * Validation problems of a 422 answer (`details.problems[].path`, e.g. "body.conclusions.1.task.deadline")
 * shown next to the field they name; problems that name no field of the form stay in the error box.
 */
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../app/api';
import { ErrorBox } from '../../app/components/feedback';

const problemsOf = (error: unknown) => (error instanceof ApiError ? error.problems : []);

/** The message for one field, shown under it. */
export function FieldProblem({ error, path }: { error: unknown; path: string }) {
  const p = problemsOf(error).find((x) => x.path === path);
  if (!p) return null;
  return (
    <span className="field-error" role="alert" data-testid={`problem-${path}`}>
      {p.message}
    </span>
  );
}

/** The error box above the form: the server's message and the problems no field shows. */
function FormError({ error, isField }: { error: unknown; isField: (path: string) => boolean }) {
  const problems = problemsOf(error);
  if (!(error instanceof ApiError) || problems.length === 0) return <ErrorBox error={error} />;
  const rest = problems.filter((p) => !p.path || !isField(p.path));
  return <ErrorBox error={new ApiError(error.status, error.code, error.message, { problems: rest })} />;
}

/**
 * What became of a save: the error box (problems of fields matching `fields` stay under their field), or the success
 * line.
 */
export function SaveOutcome<T>({
  save,
  fields,
  saved,
}: {
  save: UseMutationResult<T, Error, void>;
  fields: RegExp;
  saved: (data: T) => ReactNode;
}) {
  if (save.isError) return <FormError error={save.error} isField={(p) => fields.test(p)} />;
  if (save.isSuccess) return <SavedLine>{saved(save.data)}</SavedLine>;
  return null;
}

/** The success line of a save, read out by screen readers (a polite live region). */
export function SavedLine({ children }: { children: ReactNode }) {
  return (
    <p className="alert alert-success" role="status" aria-live="polite" data-testid="save-outcome">
      {children}
    </p>
  );
}

/** A labelled text input with its problem under it. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  path,
  size,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: unknown;
  path: string;
  size?: number;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        size={size}
        placeholder={placeholder}
        required
      />
      <FieldProblem error={error} path={path} />
    </div>
  );
}
