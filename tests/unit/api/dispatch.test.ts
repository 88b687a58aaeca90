import { describe, expect, it, vi } from 'vitest';
import {
  dispatchInvoke,
  UserFacingError,
  type ContractHandlers,
} from '../../../src-main/core/api/dispatch';

/** Handlers that record calls; only the channels a test touches are implemented. */
function handlers(overrides: Partial<ContractHandlers>): ContractHandlers {
  return new Proxy(overrides as ContractHandlers, {
    get: (target, name: string) =>
      (target as Record<string, unknown>)[name] ??
      (() => Promise.reject(new Error(`unexpected call to ${name}`))),
  });
}

describe('dispatchInvoke', () => {
  it('passes validated, defaulted arguments to the handler', async () => {
    const list = vi.fn(async () => ({ location: 'demo', path: '', folders: [], objects: [] }));
    const result = await dispatchInvoke(handlers({ 'library.list': list }), 'library.list', [
      { location: 'demo' },
    ]);
    expect(result.ok).toBe(true);
    expect(list).toHaveBeenCalledWith({ location: 'demo', path: '' });
  });

  it('rejects invalid arguments without calling the handler', async () => {
    const signIn = vi.fn();
    const result = await dispatchInvoke(handlers({ 'session.signIn': signIn }), 'session.signIn', [
      { username: 'a@example.com', password: '' },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });
    expect(signIn).not.toHaveBeenCalled();
  });

  it('rejects extra keys that a compromised renderer might smuggle in', async () => {
    const update = vi.fn();
    const result = await dispatchInvoke(
      handlers({ 'settings.update': update }),
      'settings.update',
      [{ transfers: { parallelTransfers: 2, endpoint: 'http://evil' } }],
    );
    expect(result.ok).toBe(false);
    expect(update).not.toHaveBeenCalled();
  });

  it.each(['__proto__', 'constructor', 'nope', 42])(
    'rejects the unknown channel %s',
    async (name) => {
      const result = await dispatchInvoke(handlers({}), name, []);
      expect(result).toMatchObject({ ok: false, error: { code: 'ipc.unknownChannel' } });
    },
  );

  it('keeps a user-facing error code and hides internal errors', async () => {
    const failing = handlers({
      'session.signIn': async () => {
        throw new UserFacingError('auth.wrongPassword', 'Incorrect email or password.');
      },
      'doctor.run': async () => {
        throw new Error('ECONNREFUSED http://127.0.0.1:9/?X-Amz-Security-Token=secret');
      },
    });
    const onUnexpected = vi.fn();
    expect(
      await dispatchInvoke(failing, 'session.signIn', [{ username: 'a', password: 'b' }]),
    ).toEqual({
      ok: false,
      error: { code: 'auth.wrongPassword', message: 'Incorrect email or password.' },
    });
    const hidden = await dispatchInvoke(failing, 'doctor.run', [], onUnexpected);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret');
    expect(onUnexpected).toHaveBeenCalledOnce();
  });
});
