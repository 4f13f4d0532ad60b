/**
 * A sender recalls a document (status 13, or a revoke package): the receiving agency withdraws
 * it unless it has already finished handling it. Withdrawn: the incoming document becomes
 * `recalled` and the answer is 15; already recalled: 15 again; done: 16, with why.
 */
import type { IncomingStatus } from '../documents.tables';
import type { StatusCode } from '../edxml';
import type { ExchangeTrx } from './exchange-db';
import { writeExchangeHistory } from './exchange-history';

export interface RecallOutcome {
  code: Extract<StatusCode, '15' | '16'>;
  description: string;
}

export async function recallIncoming(
  t: ExchangeTrx,
  incoming: { id: string; status: IncomingStatus; completedAt: Date | null },
  reason: string,
  now: Date,
): Promise<RecallOutcome> {
  if (incoming.status === 'done') {
    const day = incoming.completedAt?.toISOString().slice(0, 10);
    return {
      code: '16',
      description: `Văn bản đã được xử lý xong${day ? ` (${day})` : ''}; không thu hồi được`,
    };
  }
  if (incoming.status === 'recalled' || incoming.status === 'replaced') {
    return { code: '15', description: 'Văn bản đã được thu hồi' };
  }
  await t
    .updateTable('documentIncoming')
    .set({ status: 'recalled', updatedAt: now })
    .where('id', '=', incoming.id)
    .execute();
  await writeExchangeHistory(t, null, now, {
    document: { incomingId: incoming.id },
    action: 'exchange_recalled',
    note: reason,
    details: { previousStatus: incoming.status },
  });
  return { code: '15', description: 'Đồng ý thu hồi văn bản' };
}
