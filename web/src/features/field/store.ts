/**
 * What the phone keeps between visits, in IndexedDB (survives closing the browser): the downloaded
 * household list and standard, the drafts with their sync state, and the resized photos.
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
export const allDrafts = () => run<StoredDraft[]>('drafts', 'readonly', (s) => s.getAll());

export const savePhoto = (p: StoredPhoto) => run('photos', 'readwrite', (s) => s.put(p));
export const loadPhoto = (id: string) => run<StoredPhoto | undefined>('photos', 'readonly', (s) => s.get(id));
