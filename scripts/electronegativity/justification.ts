// What counts as a justification for an Electronegativity finding: a comment naming the check,
// then a dash and a sentence that says why the code is safe. A bare ID, "ok" or "TODO" is not one:
// it would silence the check without telling the next reader anything.

/** How far above a reported line a justification may sit. */
export const JUSTIFICATION_LINES_ABOVE = 3;

const MIN_WORDS = 5;

/** The verdict on one finding: justified, or why the nearby comment (if any) does not count. */
export type JustificationVerdict =
  { justified: true } | { justified: false; problem: 'missing' | 'notASentence'; reason?: string };

/** The text after `electronegativity: CHECK —` on a line, or undefined when the line names no such check. */
function reasonOn(text: string, check: string): string | undefined {
  const at = text.indexOf(`electronegativity: ${check}`);
  if (at < 0) return undefined;
  const rest = text.slice(at + `electronegativity: ${check}`.length);
  const match = /^\s*[—–-]\s*(.*?)\s*(?:-->|\*\/)?\s*$/.exec(rest);
  return match?.[1] ?? '';
}

/** True for a reason that reads as a sentence: several words, a letter first, a full stop last. */
export function isSentence(reason: string): boolean {
  const words = reason.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words.length >= MIN_WORDS && /^\p{L}|^['"`(]/u.test(reason) && /[.!?)]$/.test(reason);
}

/**
 * Judges a finding at 1-based `line` of `lines`: it is justified when that line or one of the
 * JUSTIFICATION_LINES_ABOVE lines above it names the check and gives a sentence as the reason.
 */
export function judgeFinding(
  lines: readonly string[],
  check: string,
  line: number,
): JustificationVerdict {
  const nearby = lines.slice(Math.max(0, line - 1 - JUSTIFICATION_LINES_ABOVE), line);
  const reasons = nearby
    .map((text) => reasonOn(text, check))
    .filter((reason): reason is string => reason !== undefined);
  if (reasons.length === 0) return { justified: false, problem: 'missing' };
  if (reasons.some(isSentence)) return { justified: true };
  return { justified: false, problem: 'notASentence', reason: reasons[0] };
}
