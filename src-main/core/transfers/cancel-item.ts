import { TERMINAL, toView, type TransferItem } from './item';
import { abortUpload } from './multipart';
import type { QueueHost } from './queue';

/**
 * Cancels one item: stops its run, aborts its multipart upload so no parts linger on S3, and
 * removes it from the journal. An item that completed while stopping stays completed.
 */
export async function cancelItem(host: QueueHost, item: TransferItem): Promise<void> {
  if (TERMINAL.has(item.state)) return;
  if (item.run) {
    item.run.stop = 'cancel';
    item.run.controller.abort();
    await item.run.done;
  }
  if (item.state === 'completed') return;
  const record = item.record;
  if (record?.upload) {
    await abortUpload(
      host.session,
      { Bucket: record.bucket, Key: record.finalKey ?? record.key },
      record.upload.uploadId,
      new AbortController().signal,
    );
  }
  if (record) await host.journal.remove(item.id);
  host.setState(item, 'cancelled');
  host.events.emit('finished', { ...toView(item), bucket: item.bucket });
}
