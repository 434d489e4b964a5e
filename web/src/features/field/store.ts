/**
 * What the phone keeps between visits, in IndexedDB (survives closing the browser): the downloaded
 * household list and standard, the drafts with their sync state, and the resized photos.
 *
 * A phone may be shared by reviewers: each draft carries its reviewer's user id and is shown and sent
 * only under that user's session; on sign-out and when another user signs in, the household list and
 * every synced draft with its photos are removed (personal data the server keeps anyway). Drafts not yet
 * synced stay with their reviewer: the app never drops them without the reviewer choosing so.
 */
import type {
  AssignmentCommune,
  FieldProblem,
  FieldSurveyDraft,
  SyncStatus,
} from '../../../../src/modules/field/contracts';
import type { StandardCatalog } from '../../../../src/domain/poverty/types';

export interface StoredAssignment {
  year: number;
  commune: AssignmentCommune;
  catalog: StandardCatalog;
  downloadedAt: string;
}

export interface StoredDraft {
  draft: FieldSurveyDraft;
  /** The reviewer who made it (absent on drafts kept before the reviewer was recorded). */
  userId?: number;
  /** 'waiting' until the server answered; then the server's answer. */
  state: 'waiting' | SyncStatus;
  message?: string;
  problems?: FieldProblem[];
}

export interface StoredPhoto {
  id: string;
  blob: Blob;
}

const NAME = 'giamngheo-field';
let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('assignments', { keyPath: 'year' });
      db.createObjectStore('drafts', { keyPath: 'draft.clientId' });
      db.createObjectStore('photos', { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opened;
}

async function run<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = fn(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const saveAssignment = (a: StoredAssignment) => run('assignments', 'readwrite', (s) => s.put(a));
export const loadAssignment = (year: number) =>
  run<StoredAssignment | undefined>('assignments', 'readonly', (s) => s.get(year));

export const saveDraft = (d: StoredDraft) => run('drafts', 'readwrite', (s) => s.put(d));
export const deleteDraft = (clientId: string) => run('drafts', 'readwrite', (s) => s.delete(clientId));
export const allDrafts = () => run<StoredDraft[]>('drafts', 'readonly', (s) => s.getAll());

export const savePhoto = (p: StoredPhoto) => run('photos', 'readwrite', (s) => s.put(p));
export const loadPhoto = (id: string) => run<StoredPhoto | undefined>('photos', 'readonly', (s) => s.get(id));

/** Not yet stored by the server: waiting to be sent, or refused and waiting to be fixed. */
export const unsynced = (d: StoredDraft) => d.state === 'waiting' || d.state === 'rejected';

/** A user's drafts the server has not stored yet. */
export async function unsyncedDrafts(userId: number): Promise<StoredDraft[]> {
  return (await allDrafts()).filter((d) => d.userId === userId && unsynced(d));
}

/**
 * Removes from the phone the household list and the synced drafts with their photos, and, when
 * `discard` names a user, that user's unsynced drafts too (only after they chose to drop them).
 * Other users' unsynced drafts are kept, and the photos they cite.
 */
async function clearPersonalData(discard: number | null): Promise<void> {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['assignments', 'drafts', 'photos'], 'readwrite');
    tx.objectStore('assignments').clear();
    const drafts = tx.objectStore('drafts');
    const photos = tx.objectStore('photos');
    const all = drafts.getAll() as IDBRequest<StoredDraft[]>;
    all.onsuccess = () => {
      const cited = new Set<string>();
      for (const d of all.result) {
        if (unsynced(d) && d.userId !== discard) d.draft.photos.forEach((p) => cited.add(p.id));
        else drafts.delete(d.draft.clientId);
      }
      const keys = photos.getAllKeys();
      keys.onsuccess = () => {
        for (const k of keys.result) if (!cited.has(String(k))) photos.delete(k);
      };
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Whose data the phone's store holds (the last user who signed in on it). */
const OWNER_KEY = 'giamngheo.field.user';

function owner(): number | null {
  try {
    const v = localStorage.getItem(OWNER_KEY);
    return v ? Number(v) : null;
  } catch {
    return null;
  }
}

function setOwner(userId: number | null): void {
  try {
    if (userId === null) localStorage.removeItem(OWNER_KEY);
    else localStorage.setItem(OWNER_KEY, String(userId));
  } catch {
    /* storage unavailable: the store is cleared at every sign-in */
  }
}

/**
 * On sign-out: the household list and the synced drafts go; `discard` drops the user's unsynced drafts
 * (the user chose so after being told how many there are).
 */
export async function forgetOnSignOut(userId: number, discard: boolean): Promise<void> {
  await clearPersonalData(discard ? userId : null);
  setOwner(null);
}

/**
 * When a user opens the app: unless the store was this user's already, the household list and the synced
 * drafts go (a list downloaded by someone else, or left from before a sign-out). Drafts kept before the
 * reviewer was recorded become the last known user's, else this user's.
 */
export function claimStore(userId: number): Promise<void> {
  // one claim at a time: the session and the field page both ask, and a later one must not clear a list
  // downloaded after the first
  const run = async () => {
    const before = owner();
    if (before === userId) return;
    await clearPersonalData(null);
    for (const d of await allDrafts()) if (d.userId === undefined) await saveDraft({ ...d, userId: before ?? userId });
    setOwner(userId);
  };
  claiming = claiming.then(run, run);
  return claiming;
}
let claiming: Promise<void> = Promise.resolve();
