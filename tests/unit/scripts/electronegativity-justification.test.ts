import { describe, expect, it } from 'vitest';
import { isSentence, judgeFinding } from '../../../scripts/electronegativity/justification';

const at = (comment: string) => [comment, 'const win = new BrowserWindow(options);'];

describe('an Electronegativity justification', () => {
  it('counts a comment that names the check and says why in a sentence', () => {
    const lines = at(
      '// electronegativity: SANDBOX_JS_CHECK — secureWebPreferences() turns the sandbox on.',
    );
    expect(judgeFinding(lines, 'SANDBOX_JS_CHECK', 2)).toEqual({ justified: true });
  });

  it('counts an HTML comment with a plain hyphen', () => {
    const lines = at(
      "<!-- electronegativity: CSP_GLOBAL_CHECK - 'self' is only our own bundle of scripts. -->",
    );
    expect(judgeFinding(lines, 'CSP_GLOBAL_CHECK', 2).justified).toBe(true);
  });

  it.each([
    '// electronegativity: SANDBOX_JS_CHECK',
    '// electronegativity: SANDBOX_JS_CHECK — ok',
    '// electronegativity: SANDBOX_JS_CHECK — TODO',
    '// electronegativity: SANDBOX_JS_CHECK — safe, see secureWebPreferences',
    '// electronegativity: SANDBOX_JS_CHECK xx',
  ])('refuses %s as no real reason', (comment) => {
    expect(judgeFinding(at(comment), 'SANDBOX_JS_CHECK', 2)).toMatchObject({
      justified: false,
      problem: 'notASentence',
    });
  });

  it('does not let a comment for another check, or one too far above, count', () => {
    const reason = 'secureWebPreferences() turns the sandbox on, a unit test asserts it.';
    expect(
      judgeFinding(
        at(`// electronegativity: AUXCLICK_JS_CHECK — ${reason}`),
        'SANDBOX_JS_CHECK',
        2,
      ),
    ).toEqual({ justified: false, problem: 'missing' });
    const far = [
      `// electronegativity: SANDBOX_JS_CHECK — ${reason}`,
      '',
      '',
      '',
      'new BrowserWindow()',
    ];
    expect(judgeFinding(far, 'SANDBOX_JS_CHECK', 5).justified).toBe(false);
  });

  it('reads a sentence as words that end with a full stop', () => {
    expect(isSentence('Every new window is denied by guardNavigation.')).toBe(true);
    expect(isSentence('every new window is denied')).toBe(false);
  });
});
