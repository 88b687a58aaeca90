import { describe, expect, it } from 'vitest';
import { toTransferError } from '../../../src-main/core/transfers/errors';

describe('what a failed upload tells the user', () => {
  it.each(['SlowDown', 'ServiceUnavailable', 'InternalError'])(
    'turns a %s that outlasted the retries into plain words that keep the sent parts',
    (code) => {
      const error = Object.assign(new Error('Please reduce your request rate.'), {
        name: code,
        $metadata: { httpStatusCode: code === 'InternalError' ? 500 : 503 },
      });
      const failure = toTransferError(error, 'ap-northeast-1:x/trip/a.jpg');
      expect(failure.code).toBe('transfer.serverBusy');
      expect(failure.message).toContain('Retry');
      expect(failure.message).not.toContain('SlowDown');
    },
  );
});
