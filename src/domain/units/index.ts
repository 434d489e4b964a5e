export * from './types';
export * from './dates';
export { buildUnitSet, CODE_ALIASES } from './build';
export { stripUnitPrefix, unitId } from './names';
export { REGIONS_6, region6Of } from './regions';
export { successorsOf, levelOfCode, type LineageEdge, type Successor } from './succession';
export { parseUnitName, matchUnitName, typeMatches, type ParsedUnitName } from './match';
