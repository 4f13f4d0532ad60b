/**
 * A dossier as the National Public Service Portal's synchronisation record (đồng bộ hồ sơ
 * lên Cổng Dịch vụ công quốc gia): its code, the procedure's national code, the channel, the
 * national status 1–10, the appointment and the dates of each stage, the documents submitted
 * (TaiLieuNop), the fees (DanhSachLePhi) and the result papers (DanhSachGiayToKetQua). Dates
 * are `yyyyMMddHHmmss` on Vietnam's wall clock, as the portal's records write them.
 *
 * Nothing personal goes in: the applicant's name, identity number and contacts stay in the
 * platform; a connector that must send them fetches them itself under its own credentials.
 */
import { zonedClock } from '../../../kernel/calendar';
import type { DossiersDb, DossiersTrx } from '../dossiers-db';
import { NATIONAL_STATUS } from '../dossier-status-labels';

/** KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính. */
const CHANNEL_CODE = { TRUC_TIEP: 1, TRUC_TUYEN: 2, BUU_CHINH: 3 } as const;
/** HinhThucTra: how the result goes back. */
const RETURN_CODE = { desk: 0, post: 1, electronic: 2 } as const;

export interface NationalRecord {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  MaCoQuanTiepNhan: string;
  KenhThucHien: 1 | 2 | 3;
  TrangThaiHoSo: number;
  NgayNopHoSo: string;
  NgayTiepNhan: string | null;
  NgayHenTra: string | null;
  NgayKetThucXuLy: string | null;
  NgayTra: string | null;
  HinhThucTra: 0 | 1 | 2;
  TaiLieuNop: {
    TepDinhKemId: string;
    TenTepDinhKem: string;
    MaThanhPhanHoSo: string;
    NguonTaiLieu: 'TAI_LEN' | 'TAI_SU_DUNG' | 'SO_HOA';
  }[];
  DanhSachLePhi: {
    LoaiPhiLePhi: 'PHI' | 'LE_PHI';
    TenPhiLePhi: string;
    SoLuong: number;
    Gia: number;
    TrangThai: 'CHUA_NOP' | 'DA_NOP' | 'MIEN';
    HinhThucThu: 'TRUC_TUYEN' | 'TRUC_TIEP' | null;
  }[];
  DanhSachGiayToKetQua: {
    GiayToId: string;
    TenGiayTo: string;
    KySo: boolean;
  }[];
}

function stamp(at: Date | null, timezone: string): string | null {
  if (!at) return null;
  const wall = zonedClock(timezone).formatIso(at.getTime());
  // 2026-03-02T09:00:00+07:00 → 20260302090000
  return wall.slice(0, 19).replace(/[-:T]/g, '');
}

export async function nationalRecordOf(
  db: DossiersDb | DossiersTrx,
  dossierId: string,
  timezone: string,
): Promise<NationalRecord> {
  const row = await db
    .selectFrom('dossier')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
    .innerJoin('agency', 'agency.id', 'dossier.receivingAgencyId')
    .select([
      'dossier.code',
      'dossier.status',
      'dossier.channel',
      'dossier.submittedAt',
      'dossier.receivedAt',
      'dossier.dueAt',
      'dossier.finishedAt',
      'dossier.returnedAt',
      'dossier.returnMethod',
      'dossier.resultFileId',
      'dossier.resultName',
      'dossier.resultSigned',
      'procedure.code as procedureCode',
      'procedure.name as procedureName',
      'procedure.fieldCode',
      'procedure.fieldName',
      'agency.code as agencyCode',
    ])
    .where('dossier.id', '=', dossierId)
    .executeTakeFirstOrThrow();
  const [documents, fees] = await Promise.all([
    db
      .selectFrom('dossierDocument')
      .select(['id', 'name', 'slot', 'origin'])
      .where('dossierId', '=', dossierId)
      .orderBy('addedAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('dossierFee')
      .leftJoin('dossierPayment', 'dossierPayment.id', 'dossierFee.paymentId')
      .select([
        'dossierFee.kind',
        'dossierFee.description',
        'dossierFee.quantity',
        'dossierFee.amount',
        'dossierFee.status',
        'dossierPayment.provider',
      ])
      .where('dossierFee.dossierId', '=', dossierId)
      .orderBy('dossierFee.assessedAt')
      .orderBy('dossierFee.id')
      .execute(),
  ]);
  const origin = { upload: 'TAI_LEN', reuse: 'TAI_SU_DUNG', scan: 'SO_HOA' } as const;
  const feeState = { due: 'CHUA_NOP', paid: 'DA_NOP', waived: 'MIEN' } as const;
  return {
    MaHoSo: row.code,
    MaTTHC: row.procedureCode,
    TenTTHC: row.procedureName,
    MaLinhVuc: row.fieldCode,
    TenLinhVuc: row.fieldName,
    MaCoQuanTiepNhan: row.agencyCode,
    KenhThucHien: CHANNEL_CODE[row.channel],
    TrangThaiHoSo: NATIONAL_STATUS[row.status],
    NgayNopHoSo: stamp(row.submittedAt, timezone)!,
    NgayTiepNhan: stamp(row.receivedAt, timezone),
    NgayHenTra: stamp(row.dueAt, timezone),
    NgayKetThucXuLy: stamp(row.finishedAt, timezone),
    NgayTra: stamp(row.returnedAt, timezone),
    HinhThucTra: RETURN_CODE[row.returnMethod],
    TaiLieuNop: documents.map((document) => ({
      TepDinhKemId: document.id,
      TenTepDinhKem: document.name,
      MaThanhPhanHoSo: document.slot,
      NguonTaiLieu: origin[document.origin],
    })),
    DanhSachLePhi: fees.map((fee) => ({
      LoaiPhiLePhi: fee.kind,
      TenPhiLePhi: fee.description,
      SoLuong: Number(fee.quantity),
      Gia: Number(fee.amount),
      TrangThai: feeState[fee.status],
      HinhThucThu:
        fee.status !== 'paid' ? null : fee.provider === 'desk' ? 'TRUC_TIEP' : 'TRUC_TUYEN',
    })),
    DanhSachGiayToKetQua: row.resultFileId
      ? [
          {
            GiayToId: row.resultFileId,
            TenGiayTo: row.resultName ?? row.procedureName,
            KySo: row.resultSigned,
          },
        ]
      : [],
  };
}
