/** The reviewer's phone: download the household list, fill forms offline, sync when online. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { formatDateTimeVi, todayInVietnam } from '../../app/format';
import type { AssignmentHousehold, SyncOutcome } from '../../../../src/modules/field/contracts';
import { getAssignments, getStandards, syncDrafts, uploadPhoto } from './api';
import {
  allDrafts,
  claimStore,
  loadAssignment,
  loadPhoto,
  saveAssignment,
  saveDraft,
  type StoredAssignment,
  type StoredDraft,
  unsynced,
} from './store';
import { SurveyForm } from './SurveyForm';

function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The scripts of this page are kept by the service worker too (they may load before it took control). */
function keepPageOffline() {
  void navigator.serviceWorker?.ready.then((reg) =>
    reg.active?.postMessage({
      type: 'cache-assets',
      urls: performance.getEntriesByType('resource').map((e) => e.name),
    }),
  );
}

export function ReviewerPanel() {
  const { t } = useTranslation();
  const online = useOnline();
  const userId = useMe().user.userId;
  const year = Number(todayInVietnam().slice(0, 4));
  const [assignment, setAssignment] = useState<StoredAssignment | null>(null);
  const [drafts, setDrafts] = useState<StoredDraft[]>([]);
  const [communes, setCommunes] = useState<{ id: string; name: string }[]>([]);
  const [commune, setCommune] = useState('');
  const [village, setVillage] = useState<string>('');
  const [editing, setEditing] = useState<AssignmentHousehold | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [others, setOthers] = useState(0);

  const reload = useCallback(async () => {
    await claimStore(userId);
    setAssignment((await loadAssignment(year)) ?? null);
    const all = await allDrafts();
    // another reviewer's drafts on a shared phone are neither shown nor sent under this session
    setDrafts(all.filter((d) => d.userId === userId));
    setOthers(all.filter((d) => d.userId !== userId && unsynced(d)).length);
  }, [year, userId]);
  useEffect(() => {
    void reload();
    keepPageOffline();
  }, [reload]);
  useEffect(() => {
    if (!online) return;
    getAssignments(year)
      .then((a) => {
        setCommunes(a.communes.map((c) => ({ id: c.id, name: `${c.name}, ${c.provinceName}` })));
        setCommune((cur) => cur || a.communes[0]?.id || '');
      })
      .catch(() => undefined);
  }, [online, year]);

  const download = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const [a, catalog] = await Promise.all([getAssignments(year, commune), getStandards()]);
      const c = a.communes[0];
      await saveAssignment({ year, commune: c, catalog, downloadedAt: new Date().toISOString() });
      await reload();
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const waiting = drafts.filter((d) => d.state === 'waiting');
  const sync = async () => {
    setBusy(true);
    setMessage(null);
    try {
      for (const d of waiting)
        for (const p of d.draft.photos) {
          const photo = await loadPhoto(p.id);
          if (photo) await uploadPhoto(p.id, photo.blob);
        }
      const answers = await syncDrafts(waiting.map((d) => d.draft));
      const byId = new Map(answers.map((a) => [a.clientId, a]));
      for (const d of waiting) {
        const a: SyncOutcome | undefined = byId.get(d.draft.clientId);
        if (a) await saveDraft({ ...d, state: a.status, message: a.message, problems: a.problems });
      }
      const n = (s: string) => answers.filter((a) => a.status === s).length;
      setMessage({
        kind: n('rejected') ? 'error' : 'success',
        text: t('field.syncDone', {
          accepted: n('accepted'),
          duplicate: n('duplicate'),
          conflict: n('conflict'),
          rejected: n('rejected'),
        }),
      });
      await reload();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  if (editing && assignment)
    return (
      <SurveyForm
        assignment={assignment}
        household={editing}
        onDone={async (code) => {
          setEditing(null);
          if (code) setMessage({ kind: 'success', text: t('field.saved', { code }) });
          await reload();
        }}
      />
    );

  const draftOf = (code: string) =>
    drafts.filter((d) => d.draft.householdCode === code && d.draft.communeCode === assignment?.commune.code).at(-1);
  const households = (assignment?.commune.households ?? []).filter((h) => !village || (h.village ?? '') === village);
  const stateLabel = (h: AssignmentHousehold) => {
    const d = draftOf(h.code);
    if (d) return t(`field.status${d.state[0].toUpperCase()}${d.state.slice(1)}`);
    return h.surveyed ? t('field.statusSurveyed') : '';
  };

  return (
    <section>
      <p className={online ? 'field-net online' : 'field-net offline'} data-testid="network">
        {online ? t('field.online') : t('field.offline')}
      </p>
      <div className="field-sync">
        <strong data-testid="waiting-count">{t('field.waiting', { count: waiting.length })}</strong>
        <button type="button" className="button-primary" disabled={busy || !waiting.length} onClick={() => void sync()}>
          {busy ? t('field.syncing') : t('field.sync')}
        </button>
      </div>
      {others > 0 && (
        <p className="alert alert-info" data-testid="others-drafts">
          {t('field.othersDrafts', { count: others })}
        </p>
      )}
      {message && (
        <p className={`alert alert-${message.kind}`} role="status" data-testid="field-message">
          {message.text}
        </p>
      )}
      {drafts
        .filter((d) => d.state === 'rejected')
        .map((d) => (
          <div key={d.draft.clientId} className="alert alert-error">
            <strong>
              {t('field.problems')}: {d.draft.householdCode}
            </strong>{' '}
            {d.message}
            {d.problems?.length ? (
              <ul>
                {d.problems.map((p) => (
                  <li key={p.path}>{p.message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      {online && (
        <div className="filters">
          <label className="field">
            <span>{t('field.commune')}</span>
            <select value={commune} onChange={(e) => setCommune(e.target.value)} data-testid="commune-select">
              {communes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button-secondary"
            disabled={busy || !commune}
            onClick={() => void download()}
          >
            {t('field.download')}
          </button>
        </div>
      )}
      {online && !communes.length && <p className="muted">{t('field.noCommune')}</p>}
      {!assignment ? (
        <p className="muted">{t('field.noAssignment')}</p>
      ) : (
        <>
          <p className="muted" data-testid="downloaded">
            {t('field.downloaded', {
              count: assignment.commune.households?.length ?? 0,
              commune: assignment.commune.name,
              date: formatDateTimeVi(assignment.downloadedAt),
            })}
          </p>
          <label className="field">
            <span>{t('field.village')}</span>
            <select value={village} onChange={(e) => setVillage(e.target.value)} data-testid="village-select">
              <option value="">{t('field.allVillages')}</option>
              {assignment.commune.villages.map((v) => (
                <option key={v.name ?? ''} value={v.name ?? ''}>
                  {v.name ?? t('field.noVillage')} ({v.households})
                </option>
              ))}
            </select>
          </label>
          <h2>{t('field.households')}</h2>
          <ul className="field-households">
            {households.map((h) => (
              <li key={h.code} data-testid={`household-${h.code}`}>
                <div>
                  <strong>{h.headName}</strong> <span className="code">{h.code}</span>
                  <br />
                  <small className="muted">
                    {h.village ?? t('field.noVillage')} · {t('field.previousClass')}:{' '}
                    {h.previousClass ? t(`field.classes.${h.previousClass}`) : t('field.none')}
                  </small>
                  <br />
                  <small data-testid="household-state">{stateLabel(h)}</small>
                </div>
                <button type="button" className="button-secondary" onClick={() => setEditing(h)}>
                  {t('field.survey')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
