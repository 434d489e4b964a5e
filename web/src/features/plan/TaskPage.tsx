/**
 * One task: its figures, the assignment of every agency (editable by those who may), instruments, history, comments.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, post } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { formatDateTimeVi, formatDateVi, formatNumberVi, todayInVietnam } from '../../app/format';
import { useMe } from '../../app/session';
import { describeLateness } from '../../../../src/domain/plan/lateness';
import { DateField } from '../../app/components/DateField';
import { taskQuery, uploadEvidence, type Assignment, type TaskStatus } from './api';
import { SavedLine, SaveOutcome } from './FormProblems';
import { taskActionLabel, taskStatusLabel, verificationLabel } from '../../../../src/domain/labels';
import { currentLanguage } from '../../app/i18n';
import './texts';

/** `onDone` gets the success line to show on the page (the form closes after a save), or nothing on a reload. */
function AssignmentForm({ a, onDone }: { a: Assignment; onDone: (saved?: string) => void }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<TaskStatus | ''>('');
  const [percent, setPercent] = useState(String(a.percent));
  const [narrative, setNarrative] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api(`/api/plan/tasks/${a.taskId}/assignments/${a.id}`, {
        method: 'PATCH',
        body: {
          version: a.version,
          status: to || undefined,
          percent: Number(percent),
          narrative: narrative || undefined,
          note: note || undefined,
        },
      }),
    onSuccess: () => onDone(t('plan.progressSaved', { agency: a.agencyName })),
  });
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: () => uploadEvidence(a.taskId, a.id, file!),
    onSuccess: () => onDone(t('plan.evidenceSaved', { file: file?.name ?? '' })),
  });
  const conflict =
    save.error instanceof ApiError && save.error.status === 409
      ? (save.error.details as { current?: Record<string, unknown>; yours?: Record<string, unknown> } | null)
      : null;
  return (
    <form
      className="filters"
      data-testid={`assignment-form-${a.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={`move-${a.id}`}>{t('plan.move')}</label>
        <select
          id={`move-${a.id}`}
          value={to}
          onChange={(e) => setTo(e.target.value as TaskStatus)}
          data-testid="assignment-move"
        >
          <option value="">{t('plan.keep')}</option>
          {a.moves.map((m) => (
            <option key={m.to} value={m.to}>
              {taskActionLabel(m.action, currentLanguage())} → {taskStatusLabel(m.to, currentLanguage())}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`pct-${a.id}`}>{t('plan.percent')}</label>
        <input
          id={`pct-${a.id}`}
          type="number"
          min={0}
          max={100}
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          size={4}
          data-testid="assignment-percent"
        />
      </div>
      <div className="field">
        <label htmlFor={`nar-${a.id}`}>{t('plan.narrative')}</label>
        <input
          id={`nar-${a.id}`}
          type="text"
          value={narrative}
          onChange={(e) => setNarrative(e.target.value)}
          data-testid="assignment-narrative"
        />
      </div>
      <div className="field">
        <label htmlFor={`note-${a.id}`}>{t('plan.note')}</label>
        <input id={`note-${a.id}`} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="field">
        <span>&nbsp;</span>
        <button type="submit" className="button-primary" disabled={save.isPending} data-testid="assignment-save">
          {t('plan.save')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`file-${a.id}`}>{t('plan.evidence')}</label>
        <div className="date-field-row">
          <input
            id={`file-${a.id}`}
            type="file"
            accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="evidence-file"
          />
          <button
            type="button"
            className="button-secondary"
            disabled={!file || upload.isPending}
            onClick={() => upload.mutate()}
            data-testid="evidence-upload"
          >
            {t('plan.upload')}
          </button>
        </div>
      </div>
      {upload.isError && <ErrorBox error={upload.error} />}
      {save.isError && !conflict && <ErrorBox error={save.error} />}
      {conflict && (
        <div className="alert alert-error" role="alert" data-testid="conflict">
          <strong>{t('plan.conflictTitle')}</strong>
          <p>{(save.error as ApiError).message}</p>
          <table className="data">
            <thead>
              <tr>
                <th />
                <th>{t('plan.theirs')}</th>
                <th>{t('plan.yours')}</th>
              </tr>
            </thead>
            <tbody>
              {(['status', 'percent', 'note', 'version'] as const).map((k) => {
                // a status is shown by its label, never its code
                const show = (v: unknown) =>
                  v == null ? '—' : k === 'status' ? taskStatusLabel(String(v), currentLanguage()) : String(v);
                return (
                  <tr key={k}>
                    <th scope="row">{t(`plan.conflictFields.${k}`)}</th>
                    <td>{show(conflict.current?.[k])}</td>
                    <td>{show(conflict.yours?.[k])}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" className="button-secondary" onClick={() => onDone()}>
            {t('plan.reload')}
          </button>
        </div>
      )}
    </form>
  );
}

/** The day the lead agency submitted the deliverable (trình), distinct from the instrument's signature. */
function SubmissionForm({
  taskId,
  version,
  submittedOn,
  source,
  onDone,
}: {
  taskId: number;
  version: number;
  submittedOn: string | null;
  source: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(submittedOn ?? '');
  const [src, setSrc] = useState(source ?? '');
  const save = useMutation({
    mutationFn: () =>
      api(`/api/plan/tasks/${taskId}/submission`, {
        method: 'PATCH',
        body: { version, submittedOn: date || null, source: src },
      }),
    onSuccess: () => onDone(),
  });
  return (
    <form
      className="filters"
      data-testid="submission-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <DateField label={t('plan.submittedOn')} value={date} onChange={setDate} testId="submission-date" />
      <div className="field">
        <label htmlFor="submission-source">{t('plan.submissionSource')}</label>
        <input
          id="submission-source"
          type="text"
          value={src}
          onChange={(e) => setSrc(e.target.value)}
          size={40}
          data-testid="submission-source"
        />
      </div>
      <div className="field">
        <span>&nbsp;</span>
        <button type="submit" className="button-primary" disabled={save.isPending} data-testid="submission-save">
          {t('plan.recordSubmission')}
        </button>
      </div>
      <SaveOutcome save={save} fields={/^body\.(submittedOn|source)$/} saved={() => t('plan.submissionSaved')} />
    </form>
  );
}

export default function TaskPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { taskId } = useParams({ strict: false }) as { taskId: string };
  const [asOf] = useState(todayInVietnam());
  const queryClient = useQueryClient();
  const detail = useQuery(taskQuery(Number(taskId), asOf));
  const [editing, setEditing] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  // the last save of an assignment form, shown on the page since the form closes
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = (message?: string) => {
    setEditing(null);
    setSaved(message ?? null);
    void queryClient.invalidateQueries({ queryKey: ['plan'] });
  };
  const send = useMutation({
    mutationFn: () => post(`/api/plan/tasks/${taskId}/comments`, { body: comment }),
    onSuccess: () => (setComment(''), refresh()),
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorBox error={detail.error} />;
  const { task, rollup, assignments, instruments, changes, progress, comments, evidence, can } = detail.data;
  // every assignment, the actor's own first, then the active ones, then those handed over (history)
  const shown = [...assignments].sort(
    (a, b) => Number(b.canEdit) - Number(a.canEdit) || Number(!!a.validTo) - Number(!!b.validTo),
  );
  const lateness = describeLateness(task, formatDateVi(asOf));
  return (
    <section data-testid="task-page" data-task-id={task.id} data-status={task.status} data-percent={task.percent}>
      <p>
        <Link to="/ke-hoach">← {t('plan.back')}</Link>
      </p>
      <h1>
        {t('plan.task')} {task.position}
      </h1>
      <p className="lead">{task.title}</p>
      <dl className="cards">
        <div className="card">
          <dt>{t('plan.lead')}</dt>
          <dd>{task.leadAgencyName}</dd>
        </div>
        <div className="card">
          <dt>{t('plan.deadline')}</dt>
          <dd>
            {task.deadline ? formatDateVi(task.deadline) : t('plan.noDeadline')}{' '}
            {task.deadlineText && <small className="muted">({task.deadlineText})</small>}
          </dd>
        </div>
        <div className="card">
          <dt>{t('plan.status')}</dt>
          <dd data-testid="task-status">
            {taskStatusLabel(task.status, currentLanguage())} ({task.percent}%)
            {task.completedOn && ` — ${formatDateVi(task.completedOn)}`}
          </dd>
        </div>
        <div className="card">
          <dt>{t('plan.daysLate')}</dt>
          <dd data-testid="task-days-late">{task.daysLate ?? t('plan.noReportCell')}</dd>
        </div>
        {task.leadAgency && (
          <div className="card">
            <dt>{t('plan.submittedOn')}</dt>
            <dd data-testid="task-submitted-on">
              {task.submittedOn ? formatDateVi(task.submittedOn) : t('plan.submissionUnknown')}
              {task.submittedSource && <small className="source"> {task.submittedSource}</small>}
            </dd>
          </div>
        )}
        {lateness && (
          <div className="card">
            <dt>{t('plan.lateness')}</dt>
            <dd data-testid="task-lateness">{lateness}</dd>
          </div>
        )}
        {task.basis && (
          <div className="card">
            <dt>{t('plan.basis')}</dt>
            <dd data-testid="task-basis">{task.basis}</dd>
          </div>
        )}
      </dl>
      {can.recordSubmission && (
        <SubmissionForm
          taskId={task.id}
          version={task.version}
          submittedOn={task.submittedOn}
          source={task.submittedSource}
          onDone={refresh}
        />
      )}
      <p className="count" data-testid="task-rollup">
        {t('plan.rollup', {
          completed: rollup.completed,
          active: rollup.active,
          percent: rollup.percent,
          overdue: rollup.overdue,
          noReport: rollup.noReport,
          pastDueNoReport: rollup.pastDueNoReport,
        })}
      </p>
      {task.note && <p className="note">{task.note}</p>}
      {instruments.length > 0 && (
        <>
          <h2>{t('plan.instruments')}</h2>
          <ul>
            {instruments.map((i) => (
              <li key={i.id}>
                {i.kind} <strong>{i.number ?? '—'}</strong> {i.issuedOn && `(${formatDateVi(i.issuedOn)})`} — {i.title}{' '}
                <small className="source">{verificationLabel(i.factStatus, currentLanguage())}</small>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('plan.allAssignments', { n: assignments.length })}</h2>
      {saved && <SavedLine>{saved}</SavedLine>}
      <DataTable
        testId="assignments"
        columns={[
          t('plan.agency'),
          t('plan.status'),
          t('plan.completedOn'),
          { label: t('plan.daysLate'), className: 'num' },
          '',
        ]}
      >
        {shown.map((a) => (
          <tr
            key={a.id}
            data-testid="assignment-row"
            data-agency={a.agencyId}
            className={a.overdue ? 'row-overdue' : undefined}
          >
            <td>
              {a.agencyName}
              {a.validTo && (
                <small className="muted"> — {t('plan.handedOver', { date: formatDateVi(a.validTo) })}</small>
              )}
              {editing === a.id && <AssignmentForm a={a} onDone={refresh} />}
            </td>
            <td data-status={a.status}>
              {a.status === 'no_report'
                ? taskStatusLabel(a.status, currentLanguage())
                : `${taskStatusLabel(a.status, currentLanguage())} (${a.percent}%)`}
            </td>
            <td>{a.completedOn ? formatDateVi(a.completedOn) : '—'}</td>
            <td className="num">
              {a.daysLate ?? (
                <small className="muted">
                  {a.pastDueNoReport ? t('plan.pastDueNoReport') : t('plan.noReportCell')}
                </small>
              )}
            </td>
            <td>
              {a.canEdit && editing !== a.id && (
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => (setEditing(a.id), setSaved(null))}
                  data-testid="assignment-edit"
                >
                  {t('plan.update')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>{t('plan.history')}</h2>
      <h3>{t('plan.changes')}</h3>
      <ul data-testid="changes">
        {changes.map((c) => (
          <li key={c.id}>
            {formatDateTimeVi(c.at)}: {taskStatusLabel(c.from, currentLanguage())} →{' '}
            {taskStatusLabel(c.to, currentLanguage())} {t('plan.by')} {c.byName}
            {c.note && ` — ${c.note}`}
          </li>
        ))}
      </ul>
      <h3>{t('plan.progress')}</h3>
      <ul>
        {progress.map((p) => (
          <li key={p.id}>
            {formatDateVi(p.reportedOn)}: {p.percent}% — {p.narrative} ({p.byName})
          </li>
        ))}
      </ul>
      <h3>{t('plan.evidence')}</h3>
      <ul data-testid="evidence">
        {evidence.map((f) => (
          <li key={f.id}>
            <a href={`/api/plan/tasks/${task.id}/evidence/${f.id}`}>{f.fileName}</a>{' '}
            <small className="muted">
              ({formatNumberVi(f.sizeBytes)} byte, SHA-256 {f.sha256.slice(0, 16)}…)
            </small>
          </li>
        ))}
      </ul>
      <h3>{t('plan.comments')}</h3>
      <ul data-testid="comments">
        {comments.map((c) => (
          <li key={c.id}>
            <strong>{c.byName}</strong>
            {c.fromAgency && ` (${c.fromAgency})`}
            {c.toAgency && ` → ${c.toAgency}`}: {c.body}{' '}
            <small className="muted">{formatDateTimeVi(c.createdAt)}</small>
          </li>
        ))}
      </ul>
      {me.can.plan.comment && (
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) send.mutate();
          }}
        >
          <div className="field">
            <label htmlFor="comment-body">{t('plan.commentBody')}</label>
            <input
              id="comment-body"
              type="text"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              size={60}
            />
          </div>
          <div className="field">
            <span>&nbsp;</span>
            <button type="submit" className="button-primary" disabled={send.isPending}>
              {t('plan.addComment')}
            </button>
          </div>
          <SaveOutcome save={send} fields={/^body\.body$/} saved={() => t('plan.commentSaved')} />
        </form>
      )}
    </section>
  );
}
