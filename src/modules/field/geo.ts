/**
 * Where a commune is: the bounding box of its boundary in the commune layer of reference/geo (the
 * 3,321 communes of 1 July 2025, keyed by commune code). A commune not in that layer has no box and
 * a position cannot be checked against it (the survey is then accepted with its position as sent).
 */
import { topoBoxes, type Box } from '../../domain/field/sync';
import { communeLayer } from '../units/geo';

let boxes: Map<string, Box> | null = null;

export function communeBox(code: string): Box | null {
  boxes ??= topoBoxes(JSON.parse(communeLayer()), 'communes', 'code');
  return boxes.get(code) ?? null;
}
