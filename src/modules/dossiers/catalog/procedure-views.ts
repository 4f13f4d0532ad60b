/**
 * What the portal shows of a procedure: the summary of a search result (how long it takes
 * and what it costs when submitted online), and the procedure whole with its form.
 */
import type { Channel, ChannelRecord, ProcedureRecord, ProcedureTthc } from './procedure-record';

/** The channel a summary quotes: online where offered, else the desk. */
function quotedChannel(tthc: ProcedureTthc): ChannelRecord | undefined {
  const order: Channel[] = ['TRUC_TUYEN', 'TRUC_TIEP', 'BUU_CHINH'];
  for (const channel of order) {
    const found = tthc.CachThucThucHien.find((c) => c.Kenh === channel);
    if (found) return found;
  }
  return undefined;
}

export interface ProcedureSummaryFacts {
  channel: Channel | null;
  processingTime: { amount: number; unit: ChannelRecord['DonViTinh'] } | null;
  /**
   * The smallest and the largest fee or charge line of the quoted channel, in VND. The lines
   * of a schedule are often alternatives (on time or late, per copy, by kind of business),
   * so they are not added up; both 0 means free.
   */
  feeMin: number;
  feeMax: number;
  online: boolean;
}

export function summaryFacts(tthc: ProcedureTthc): ProcedureSummaryFacts {
  const channel = quotedChannel(tthc);
  const amounts = channel?.PhiLePhi.map((fee) => fee.SoTien) ?? [];
  return {
    channel: channel?.Kenh ?? null,
    processingTime: channel ? { amount: channel.ThoiGianGiaiQuyet, unit: channel.DonViTinh } : null,
    feeMin: amounts.length > 0 ? Math.min(...amounts) : 0,
    feeMax: amounts.length > 0 ? Math.max(...amounts) : 0,
    online: tthc.CachThucThucHien.some((c) => c.Kenh === 'TRUC_TUYEN'),
  };
}

/** A stored procedure as the catalog exports it: the record it was imported from. */
export function recordOf(row: {
  tthc: ProcedureTthc;
  nameEn: string;
  receivingCode: string | null;
  form: ProcedureRecord['tinhso']['form'];
  process: ProcedureRecord['tinhso']['process'];
}): ProcedureRecord {
  return {
    tthc: row.tthc,
    tinhso: {
      nameEn: row.nameEn,
      receiving: row.receivingCode ? { code: row.receivingCode } : 'commune',
      form: row.form,
      process: row.process,
    },
  };
}
