/** One household's forms at the household: Phiếu B2, income and score A, members, position, photos. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useMe } from '../../app/session';
import { formatDateVi, formatNumberVi, parseDateInput, todayInVietnam } from '../../app/format';
import { checkSurveyDraft, HEAD_RELATION } from '../../../../src/domain/field/checks';
import { applicationForYear, findStandard } from '../../../../src/domain/poverty/standards';
import type {
  AssignmentHousehold,
  FieldMemberDraft,
  FieldProblem,
  FieldSurveyDraft,
} from '../../../../src/modules/field/contracts';
import type { Occupation } from '../../../../src/domain/poverty/types';
import { resizePhoto } from './api';
import { allDrafts, deleteDraft, loadPhoto, saveDraft, savePhoto, type StoredAssignment } from './store';

const OCCUPATIONS: Occupation[] = ['farm', 'forestry', 'fishery', 'salt', 'other'];

function newDraft(a: StoredAssignment, h: AssignmentHousehold): FieldSurveyDraft {
  return {
    clientId: crypto.randomUUID(),
    communeCode: a.commune.code,
    year: a.year,
    householdCode: h.code,
    headName: h.headName,
    headIdNumber: h.headIdNumber,
    headEthnicity: h.headEthnicity ?? '',
    village: h.village,
    area: h.area,
    occupation: null,
    noLabourCapacity: null,
    previousClass: h.previousClass,
    scoreA: null,
    b1Answers: null,
    incomePerCapita: null,
    deprived: [],
    members: h.members.length
      ? h.members.map((m) => ({ ...m }))
      : [
          {
            seq: 1,
            fullName: h.headName,
            relation: HEAD_RELATION,
            birthDate: null,
            sex: null,
            idNumber: h.headIdNumber,
            ethnicity: h.headEthnicity,
          },
        ],
    position: null,
    photos: [],
    surveyedAt: new Date().toISOString(),
    note: null,
  };
}

function PhotoThumb({ id }: { id: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let u: string | null = null;
    void loadPhoto(id).then((p) => {
      if (p) setUrl((u = URL.createObjectURL(p.blob)));
    });
    return () => {
      if (u) URL.revokeObjectURL(u);
    };
  }, [id]);
  return url ? <img src={url} alt="" className="field-thumb" /> : null;
}

export function SurveyForm({
  assignment,
  household,
  onDone,
}: {
  assignment: StoredAssignment;
  household: AssignmentHousehold;
  onDone: (savedCode: string | null) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [d, setD] = useState<FieldSurveyDraft>(() => newDraft(assignment, household));
  const [birthText, setBirthText] = useState<string[]>(() =>
    d.members.map((m) => (m.birthDate ? formatDateVi(m.birthDate) : '')),
  );
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const userId = useMe().user.userId;
  /** The refused draft this one replaces under a new id. */
  const [replaces, setReplaces] = useState<string | null>(null);

  // A draft not yet accepted by the server is edited in place (same id, no second submission).
  useEffect(() => {
    void allDrafts().then((all) => {
      const open = all.find(
        (x) =>
          x.userId === userId &&
          x.draft.householdCode === household.code &&
          x.draft.communeCode === assignment.commune.code &&
          (x.state === 'waiting' || x.state === 'rejected'),
      );
      if (open) {
        // refused because its id was used for another survey: the answers become a new survey (new id)
        const reused = open.problems?.some((p) => p.path === 'clientId');
        if (reused) setReplaces(open.draft.clientId);
        setD(reused ? { ...open.draft, clientId: crypto.randomUUID() } : open.draft);
        setBirthText(open.draft.members.map((m) => (m.birthDate ? formatDateVi(m.birthDate) : '')));
      }
    });
  }, [assignment, household, userId]);

  const app = applicationForYear(assignment.catalog, assignment.year);
  const standard = app ? findStandard(assignment.catalog, app.standardId) : undefined;
  const set = (patch: Partial<FieldSurveyDraft>) => setD((x) => ({ ...x, ...patch }));
  const setMember = (i: number, patch: Partial<FieldMemberDraft>) =>
    set({ members: d.members.map((m, k) => (k === i ? { ...m, ...patch } : m)) });
  const numberOf = (s: string) => (s.trim() === '' ? null : Number(s.replace(/\./g, '').replace(',', '.')));

  const locate = () => {
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        set({
          position: {
            lat: p.coords.latitude,
            lng: p.coords.longitude,
            accuracyM: Math.round(p.coords.accuracy),
            takenAt: new Date(p.timestamp).toISOString(),
          },
        });
      },
      (e) => {
        setLocating(false);
        setError(t('field.positionError', { message: e.message }));
      },
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
    );
  };

  const addPhoto = async (file: File | undefined) => {
    if (!file) return;
    try {
      const blob = await resizePhoto(file);
      const id = crypto.randomUUID();
      await savePhoto({ id, blob });
      set({ photos: [...d.photos, { id, contentType: 'image/jpeg', takenAt: new Date().toISOString() }] });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const save = async () => {
    const members = d.members.map((m, i) => ({ ...m, seq: i + 1, birthDate: parseDateInput(birthText[i] ?? '') }));
    const badDate = birthText.findIndex((b) => b.trim() !== '' && !parseDateInput(b));
    const draft = { ...d, members, surveyedAt: new Date().toISOString() };
    // the checks of the household, here at the household (the server runs them again at sync)
    const found = checkSurveyDraft(draft, { reviewDate: todayInVietnam(), catalog: assignment.catalog });
    if (badDate >= 0) found.unshift({ path: `members.${badDate}.birthDate`, message: t('field.badDate') });
    setProblems(found);
    if (found.length) return;
    await saveDraft({ draft, userId, state: 'waiting' });
    if (replaces) await deleteDraft(replaces);
    onDone(d.householdCode);
  };

  return (
    <form
      className="field-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{t('field.form', { code: d.householdCode })}</h2>
      <p>
        {t('field.head')}: <strong>{d.headName}</strong> · {t('field.area')}: {t(`field.areas.${d.area}`)}
      </p>
      <label className="field">
        <span>{t('field.occupation')}</span>
        <select
          value={d.occupation ?? ''}
          onChange={(e) => set({ occupation: (e.target.value || null) as Occupation | null })}
        >
          <option value="">{t('field.unknown')}</option>
          {OCCUPATIONS.map((o) => (
            <option key={o} value={o}>
              {t(`field.occupations.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="confirm-check">
        <input
          type="checkbox"
          checked={d.noLabourCapacity === true}
          onChange={(e) => set({ noLabourCapacity: e.target.checked })}
        />{' '}
        {t('field.noLabour')}
      </label>
      <label className="field">
        <span>{t('field.income')}</span>
        <input
          inputMode="numeric"
          data-testid="income"
          value={d.incomePerCapita === null ? '' : formatNumberVi(d.incomePerCapita)}
          onChange={(e) => {
            const n = numberOf(e.target.value);
            set({ incomePerCapita: n === null || Number.isNaN(n) ? null : Math.round(n) });
          }}
        />
      </label>
      <label className="field">
        <span>{t('field.scoreA')}</span>
        <input
          inputMode="decimal"
          value={d.scoreA === null ? '' : String(d.scoreA).replace('.', ',')}
          onChange={(e) => {
            const n = numberOf(e.target.value);
            set({ scoreA: n === null || Number.isNaN(n) ? null : n });
          }}
        />
        <small className="muted">{t('field.scoreANote')}</small>
      </label>
      <fieldset className="field-b2">
        <legend>{t('field.b2')}</legend>
        <p className="muted">{t('field.b2Hint', { standard: standard?.nameVi ?? '' })}</p>
        {(standard?.indicators ?? []).map((i) => (
          <label key={i.code} className="confirm-check">
            <input
              type="checkbox"
              data-testid={`b2-${i.code}`}
              checked={d.deprived.includes(i.code)}
              onChange={(e) =>
                set({
                  deprived: e.target.checked ? [...d.deprived, i.code] : d.deprived.filter((c) => c !== i.code),
                })
              }
            />{' '}
            {i.code}. {lang === 'vi' ? i.nameVi : i.nameEn}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('field.members')}</legend>
        {d.members.map((m, i) => (
          <div key={i} className="field-member">
            <strong>{t('field.member', { n: i + 1 })}</strong>
            <label className="field">
              <span>{t('field.fullName')}</span>
              <input value={m.fullName} onChange={(e) => setMember(i, { fullName: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('field.relation')}</span>
              <input value={m.relation} onChange={(e) => setMember(i, { relation: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('field.birthDate')}</span>
              <input
                value={birthText[i] ?? ''}
                onChange={(e) =>
                  setBirthText((b) => {
                    const next = [...b];
                    next[i] = e.target.value;
                    return next;
                  })
                }
              />
            </label>
            <label className="field">
              <span>{t('field.sex')}</span>
              <select
                value={m.sex ?? ''}
                onChange={(e) => setMember(i, { sex: (e.target.value || null) as FieldMemberDraft['sex'] })}
              >
                <option value="">{t('field.unknown')}</option>
                <option value="male">{t('field.sexes.male')}</option>
                <option value="female">{t('field.sexes.female')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('field.idNumber')}</span>
              <input
                inputMode="numeric"
                value={m.idNumber ?? ''}
                onChange={(e) => setMember(i, { idNumber: e.target.value.trim() || null })}
              />
            </label>
            {i > 0 && (
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  set({ members: d.members.filter((_, k) => k !== i) });
                  setBirthText(birthText.filter((_, k) => k !== i));
                }}
              >
                {t('field.removeMember')}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            set({
              members: [
                ...d.members,
                {
                  seq: d.members.length + 1,
                  fullName: '',
                  relation: '',
                  birthDate: null,
                  sex: null,
                  idNumber: null,
                  ethnicity: d.headEthnicity,
                },
              ],
            });
            setBirthText([...birthText, '']);
          }}
        >
          {t('field.addMember')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('field.position')}</legend>
        <p data-testid="position">
          {d.position
            ? t('field.positionValue', {
                lat: formatNumberVi(d.position.lat, 5),
                lng: formatNumberVi(d.position.lng, 5),
                acc: formatNumberVi(d.position.accuracyM),
              })
            : t('field.noPosition')}
        </p>
        <button type="button" className="button-secondary" onClick={locate} disabled={locating}>
          {locating ? t('field.locating') : t('field.locate')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('field.photos')}</legend>
        <div className="field-thumbs">
          {d.photos.map((p) => (
            <PhotoThumb key={p.id} id={p.id} />
          ))}
        </div>
        <p className="muted" data-testid="photo-count">
          {t('field.photoCount', { count: d.photos.length })}
        </p>
        <label className="button-secondary">
          {t('field.addPhoto')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="visually-hidden"
            data-testid="photo-input"
            onChange={(e) => {
              void addPhoto(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </fieldset>
      <label className="field">
        <span>{t('field.note')}</span>
        <textarea value={d.note ?? ''} onChange={(e) => set({ note: e.target.value || null })} />
      </label>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="form-problems">
          <strong>{t('field.fix', { count: problems.length })}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="field-actions">
        <button type="submit" className="button-primary">
          {t('field.save')}
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(null)}>
          {t('field.cancel')}
        </button>
      </div>
    </form>
  );
}
