/** The field API as the screens call it, and the photo resize done on the phone. */
import { api, ApiError, httpErrorMessage, NETWORK_ERROR_MESSAGE, serverLikeMessage } from '../../app/api';
import type {
  AssignmentsView,
  FieldSurveyDraft,
  PhotoOutcome,
  ProgressView,
  ResolveDecision,
  SurveyListView,
  SyncOutcome,
} from '../../../../src/modules/field/contracts';
import { FIELD_MAX_SURVEYS } from '../../../../src/domain/field/sync';
import type { StandardsAnswer } from '../../../../src/modules/poverty/contracts';

export const getAssignments = (year: number, commune?: string) =>
  api<AssignmentsView>(
    `/api/field/assignments?year=${year}${commune ? `&commune=${encodeURIComponent(commune)}` : ''}`,
  );
export const getStandards = () => api<StandardsAnswer>('/api/poverty/standards');
export const getSurveys = (year: number, commune: string) =>
  api<SurveyListView>(`/api/field/surveys?year=${year}&commune=${encodeURIComponent(commune)}`);
export const getProgress = (year: number, commune: string) =>
  api<ProgressView>(`/api/field/progress?year=${year}&commune=${encodeURIComponent(commune)}`);
export const resolveSurvey = (clientId: string, decision: ResolveDecision) =>
  api<unknown>(`/api/field/surveys/${clientId}/resolve`, { method: 'POST', body: { decision } });

export async function uploadPhoto(id: string, blob: Blob): Promise<PhotoOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/field/photos/${id}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': blob.type || 'image/jpeg', accept: 'application/json' },
      body: blob,
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE);
  }
  const data = (await res.json().catch(() => null)) as
    (PhotoOutcome & { error?: { code: string; message: string } }) | null;
  if (!res.ok)
    throw new ApiError(res.status, data?.error?.code ?? 'http', data?.error?.message ?? httpErrorMessage(res.status));
  return data!;
}

/** Sends drafts in requests of at most 50; the answers in the same order. */
export async function syncDrafts(drafts: FieldSurveyDraft[]): Promise<SyncOutcome[]> {
  const out: SyncOutcome[] = [];
  for (let i = 0; i < drafts.length; i += FIELD_MAX_SURVEYS) {
    const r = await api<{ results: SyncOutcome[] }>('/api/field/surveys', {
      method: 'POST',
      body: { surveys: drafts.slice(i, i + FIELD_MAX_SURVEYS) },
    });
    out.push(...r.results);
  }
  return out;
}

/** A photo from the camera, made at most 1600 px on its long side and re-encoded as JPEG on the phone. */
export async function resizePhoto(file: Blob, maxSide = 1600): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(serverLikeMessage('errors.photo')))), 'image/jpeg', 0.8),
  );
}
