/**
 * The standards the server classifies with: the catalog read from the database (the national data file
 * loaded at start, and any standard added there as data), never a copy compiled into the code.
 */
import type { Db } from '../../../db/client';
import { classifyHousehold, type ClassifyInput } from '../../../domain/poverty/classify';
import type { StandardCatalog } from '../../../domain/poverty/types';
import { invalid } from '../../../errors';
import type { Classification } from '../contracts';
import * as standardsRepo from '../repo-standards';

export function standardsCatalog(db: Db): Promise<StandardCatalog> {
  return standardsRepo.readCatalog(db);
}

/** Classifies one household with the database's catalog (nothing stored). */
export async function classifyOne(db: Db, input: ClassifyInput): Promise<Classification> {
  const out = classifyHousehold(input, await standardsCatalog(db));
  if (!out.ok) throw invalid(out.error.message, [{ path: 'body', message: out.error.message }]);
  return out.value;
}
