import { describe, expect, it } from 'vitest';
import keytar from 'keytar';

describe('test environment', () => {
  it('has a real, unlocked Secret Service for keytar', async () => {
    const service = `hakobu-env-check-${process.pid}`;
    await keytar.setPassword(service, 'probe', 'secret-value');
    expect(await keytar.getPassword(service, 'probe')).toBe('secret-value');
    expect(await keytar.deletePassword(service, 'probe')).toBe(true);
  });
});
