import { cutRaw, DataError, type Reject } from './data-error.js';
import type { ReadOptions } from './types.js';

/** Applies the bad-row policy: throws under `fail`, reports the reject under `skip`. */
export function handleBadRow(reject: Reject, opts: ReadOptions): void {
  if ((opts.onBadRow ?? 'fail') === 'fail') {
    const where = reject.line === undefined ? {} : { line: reject.line };
    throw new DataError({ file: reject.file, row: reject.row, ...where, message: reject.message });
  }
  opts.onReject?.({ ...reject, raw: cutRaw(reject.raw) });
}
