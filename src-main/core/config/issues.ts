import type { z } from 'zod';
import { displayPath, fieldHelp } from './field-help';
import { problemFrom, showValue, type ConfigProblem, type Finding } from './problems';
import type { FieldRule } from './schema';

/** How to name files in problems found while validating one parse. */
export interface IssueContext {
  /** The file that set the value at a path (or null if none did). */
  fileFor(path: readonly PropertyKey[]): string | null;
  /** Extra words for a field no file sets, e.g. which files were read and where to add it. */
  missingHint(field: string): { message: string; fix: string };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function ruleOf(issue: z.core.$ZodIssue): { rule: FieldRule; value: string } | undefined {
  if (issue.code !== 'custom' || !issue.params) return undefined;
  const { hakobuRule, value } = issue.params;
  if (typeof hakobuRule !== 'function' || typeof value !== 'string') return undefined;
  return { rule: hakobuRule as FieldRule, value };
}

function findingFor(
  issue: z.core.$ZodIssue,
  input: unknown,
  field: string,
  context: IssueContext,
): Finding {
  const ruled = ruleOf(issue);
  const found = ruled?.rule(ruled.value, field);
  if (found) return found;
  // A cross-field rule (signIn needs a domain) states its finding whole.
  const stated: unknown = issue.code === 'custom' ? issue.params?.finding : undefined;
  if (stated && typeof stated === 'object' && 'code' in stated) return stated as Finding;
  if (issue.code === 'custom' && typeof issue.params?.duplicateName === 'string') {
    const name: string = issue.params.duplicateName;
    return {
      code: 'CONFIG_LOCATION_NAME_DUPLICATE',
      message: `${field} "${name}" is used by another location too, so Hakobu could not tell them apart.`,
      fix: `Give each location its own name.`,
      params: { value: name },
    };
  }
  const value = valueAt(input, issue.path);
  const help = fieldHelp(issue.path);
  if (issue.code === 'too_small' && issue.origin === 'array' && field === 'locations') {
    return {
      code: 'CONFIG_LOCATIONS_EMPTY',
      message: `locations is empty, but Hakobu needs at least one place to upload to.`,
      fix: `Add a location such as {"name": "Photos", "bucket": "my-bucket"}.`,
    };
  }
  if (issue.code === 'invalid_type' && value === undefined) {
    const hint = context.missingHint(field);
    return {
      code: 'CONFIG_MISSING_FIELD',
      message: `${field} is not set${hint.message}.`,
      fix: `${hint.fix} It must be ${help.expect}. ${help.fix}`,
    };
  }
  return {
    code: 'CONFIG_INVALID_VALUE',
    message: `${field} is ${showValue(value)}, but it must be ${help.expect}.`,
    fix: help.fix,
    params: { value: showValue(value), expected: help.expect },
  };
}

/** Turns zod issues into problems that name the file, the field and the fix. */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  context: IssueContext,
): ConfigProblem[] {
  return issues.map((issue) => {
    const field = displayPath(issue.path);
    const finding = findingFor(issue, input, field, context);
    return problemFrom(
      { ...finding, params: { field, ...finding.params } },
      { file: context.fileFor(issue.path), field },
    );
  });
}
