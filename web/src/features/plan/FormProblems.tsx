/**
 * Validation problems of a 422 answer (`details.problems[].path`, e.g. "body.conclusions.1.task.deadline")
 * shown next to the field they name; problems that name no field of the form stay in the error box.
 */
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
export function FormError({ error, isField }: { error: unknown; isField: (path: string) => boolean }) {
  const problems = problemsOf(error);
  if (!(error instanceof ApiError) || problems.length === 0) return <ErrorBox error={error} />;
  const rest = problems.filter((p) => !p.path || !isField(p.path));
  return <ErrorBox error={new ApiError(error.status, error.code, error.message, { problems: rest })} />;
}
