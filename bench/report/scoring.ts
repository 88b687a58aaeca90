import type { CaseResult } from './results';

/** How much the WAN-latency figure counts in a setting's score (loopback gets the rest). */
export const WAN_WEIGHT = 0.75;
/** Settings scoring within this fraction of the best are treated as equally fast (2-core noise). */
export const TOLERANCE = 0.1;

/** A setting (cases that differ only in link) and its weighted score, 1 for the best on every link. */
export interface Scored {
  cases: CaseResult[];
  score: number;
  wan: CaseResult | undefined;
  loopback: CaseResult | undefined;
}

/**
 * Scores each setting by its speed relative to the fastest on each link, weighted toward WAN.
 * When WAN cases ran, settings not measured over WAN are left out: loopback alone is CPU-bound.
 */
export function scoreSettings(
  cases: readonly CaseResult[],
  rate: (c: CaseResult) => number,
  key: (c: CaseResult) => string,
): Scored[] {
  const best = (link: CaseResult['link']) =>
    Math.max(0, ...cases.filter((c) => c.link === link).map(rate));
  const bestWan = best('wan');
  const bestLoopback = best('loopback');
  const groups = new Map<string, CaseResult[]>();
  for (const c of cases) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  const scored: Scored[] = [];
  for (const group of groups.values()) {
    const wan = group.find((c) => c.link === 'wan');
    const loopback = group.find((c) => c.link === 'loopback');
    if (bestWan > 0 && !wan) continue;
    const wanScore = wan ? rate(wan) / bestWan : undefined;
    const loopbackScore = loopback ? rate(loopback) / bestLoopback : undefined;
    const score =
      wanScore !== undefined && loopbackScore !== undefined
        ? WAN_WEIGHT * wanScore + (1 - WAN_WEIGHT) * loopbackScore
        : (wanScore ?? loopbackScore ?? 0);
    scored.push({ cases: group, score, wan, loopback });
  }
  return scored;
}

/** The cheapest setting among those within TOLERANCE of the best score. */
export function pick(
  scored: Scored[],
  cost: (c: CaseResult) => number[],
): { chosen: Scored; best: Scored } {
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const near = scored.filter((s) => s.score >= (1 - TOLERANCE) * best.score);
  const costOf = (s: Scored) => cost(s.cases[0] as CaseResult);
  const chosen = near.reduce((a, b) => {
    const [ca, cb] = [costOf(a), costOf(b)];
    const i = ca.findIndex((v, n) => v !== cb[n]);
    return i >= 0 && (cb[i] as number) < (ca[i] as number) ? b : a;
  });
  return { chosen, best };
}
