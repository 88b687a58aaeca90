import { z } from 'zod';
import { displayPath } from './field-help';
import { problemFrom, type ConfigProblem } from './problems';
import { ConfigLayer } from './schema';

/** The keys a config object may have, derived from the schema so they never drift from it. */
type Shape =
  | { kind: 'object'; keys: Map<string, Shape> }
  | { kind: 'array'; element: Shape }
  | { kind: 'leaf' };

function shapeOf(schema: z.core.$ZodType): Shape {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return shapeOf(schema.unwrap() as z.core.$ZodType);
  if (schema instanceof z.ZodObject) {
    const keys = new Map<string, Shape>();
    for (const [key, child] of Object.entries(schema.shape)) keys.set(key, shapeOf(child));
    return { kind: 'object', keys };
  }
  if (schema instanceof z.ZodArray) return { kind: 'array', element: shapeOf(schema.element) };
  return { kind: 'leaf' };
}

const ROOT = shapeOf(ConfigLayer);

/**
 * Every setting's key path ("region", "transfers.concurrency", "locations"). Arrays are one
 * setting each, because merging replaces them whole.
 */
export const SETTING_PATHS: readonly string[] = (() => {
  const out: string[] = [];
  const walk = (shape: Shape, prefix: string) => {
    if (shape.kind !== 'object') {
      out.push(prefix);
      return;
    }
    for (const [key, child] of shape.keys) walk(child, prefix ? `${prefix}.${key}` : key);
  };
  walk(ROOT, '');
  return out;
})();

/** Edit distance, to suggest "userPoolId" for "userPoolID" or "userpoolid". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(
        Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

function suggest(key: string, known: Iterable<string>): string | undefined {
  let best: { key: string; score: number } | undefined;
  for (const candidate of known) {
    const score = distance(key.toLowerCase(), candidate.toLowerCase());
    if (score <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || score < best.score))
      best = { key: candidate, score };
  }
  return best?.key;
}

/** The key a file may use to name its JSON schema. */
export const SCHEMA_KEY = '$schema';

/** Warns about keys the schema does not know (they are ignored), with a typo hint when one fits. */
export function unknownKeyWarnings(data: unknown, file: string): ConfigProblem[] {
  const warnings: ConfigProblem[] = [];
  const walk = (value: unknown, shape: Shape, path: PropertyKey[]) => {
    if (shape.kind === 'array' && Array.isArray(value)) {
      value.forEach((item, index) => walk(item, shape.element, [...path, index]));
    }
    if (shape.kind !== 'object' || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return;
    for (const [key, child] of Object.entries(value)) {
      // "$schema" names docs/config.schema.json for editors (completion, checks); not a setting.
      if (path.length === 0 && key === SCHEMA_KEY) continue;
      const childShape = shape.keys.get(key);
      if (childShape) {
        walk(child, childShape, [...path, key]);
        continue;
      }
      const field = displayPath([...path, key]);
      const hint = suggest(key, shape.keys.keys());
      warnings.push(
        problemFrom(
          {
            code: 'CONFIG_UNKNOWN_KEY',
            message: `${field} is not a Hakobu setting, so it is ignored.`,
            fix: hint
              ? `Did you mean '${hint}'? Rename it.`
              : `Remove it, or check its spelling against the Hakobu configuration reference.`,
            params: { field, ...(hint ? { suggestion: hint } : {}) },
          },
          { file, field },
          'warning',
        ),
      );
    }
  };
  walk(data, ROOT, []);
  return warnings;
}
