/**
 * A procedure (thủ tục hành chính) as the catalog imports and exports it: the fields of the
 * National Database on Administrative Procedures under their Vietnamese names (`tthc`), and
 * what the platform adds to run it (`tinhso`): the English name, where dossiers are received,
 * the application form as data and the processing steps.
 *
 * The JSON is the one a province exchanges with the national database's exports (one object
 * per procedure); seed/data/procedures/*.json hold the demo catalog in this form.
 */
import type { FormDefinition, LocalText } from '../../../kernel/forms';

/** Cấp thực hiện: since 1 July 2025 there are two levels of local government. */
export type ProcedureLevel = 'TINH' | 'XA';
/** Mức độ dịch vụ công trực tuyến. */
export type OnlineServiceLevel = 'TOAN_TRINH' | 'MOT_PHAN';
/** Đối tượng thực hiện. */
export type ApplicantType = 'CONG_DAN' | 'DOANH_NGHIEP' | 'TO_CHUC';
/** Kênh: trực tiếp, trực tuyến, dịch vụ bưu chính. */
export type Channel = 'TRUC_TIEP' | 'TRUC_TUYEN' | 'BUU_CHINH';
/** Đơn vị tính thời hạn giải quyết. */
export type TimeUnit = 'NGAY_LAM_VIEC' | 'NGAY' | 'GIO_LAM_VIEC';
/** Phí or lệ phí (Law on Fees and Charges 2015). */
export type FeeKind = 'PHI' | 'LE_PHI';

export interface FeeRecord {
  Loai: FeeKind;
  /** What it is for, as the schedule words it. */
  MoTa: string;
  /** Amount in VND (integer); 0 where the law exempts it. */
  SoTien: number;
}

export interface ChannelRecord {
  Kenh: Channel;
  ThoiGianGiaiQuyet: number;
  DonViTinh: TimeUnit;
  MoTa?: string;
  PhiLePhi: FeeRecord[];
}

export interface RequiredDocumentRecord {
  /** Stable within the procedure, e.g. `TK01`: the upload slot of the form. */
  MaGiayTo: string;
  TenGiayTo: string;
  SoBanChinh: number;
  SoBanSao: number;
  /** The form template's name, where there is one (e.g. "Tờ khai đăng ký khai sinh"). */
  MauDon?: string;
  BatBuoc: boolean;
}

export interface DocumentCaseRecord {
  /** Trường hợp: "Hồ sơ gồm", or a named case. */
  TruongHop: string;
  GiayTo: RequiredDocumentRecord[];
}

export interface LegalBasisRecord {
  SoKyHieu: string;
  TrichYeu: string;
  /** `YYYY-MM-DD`. */
  NgayBanHanh: string;
  CoQuanBanHanh: string;
}

export interface ProcedureTthc {
  /** Mã TTHC, e.g. `1.001193`. */
  MaTTHC: string;
  TenTTHC: string;
  CapThucHien: ProcedureLevel[];
  LinhVuc: { MaLinhVuc: string; TenLinhVuc: string };
  MucDo: OnlineServiceLevel;
  DoiTuongThucHien: ApplicantType[];
  CoQuanThucHien: string;
  CoQuanCoThamQuyen: string;
  TrinhTuThucHien: string[];
  CachThucThucHien: ChannelRecord[];
  ThanhPhanHoSo: DocumentCaseRecord[];
  KetQuaThucHien: Array<{ MaKetQua: string; TenKetQua: string }>;
  CanCuPhapLy: LegalBasisRecord[];
  YeuCauDieuKien?: string;
}

/** Who acts in a step of the one-stop process. */
export type StepRole = 'desk' | 'specialist' | 'leader';
export type StepKind = 'reception' | 'review' | 'approval' | 'signing' | 'return';

export interface ProcessStep {
  id: string;
  kind: StepKind;
  name: LocalText;
  role: StepRole;
  /**
   * Which agency acts: the one that received the dossier (a commune's committee, or the
   * provincial service center), or a named agency by its code (e.g. the department).
   */
  agency: 'receiving' | { code: string };
  /** Percent of the processing time this step is given; the steps' shares add up to 100. */
  share: number;
}

export interface ProcedureTinhso {
  nameEn: string;
  /**
   * Where dossiers are received: at the People's Committee of the applicant's commune
   * (`commune`), or at the agency with this code (the provincial service center).
   */
  receiving: 'commune' | { code: string };
  form: FormDefinition;
  process: { steps: ProcessStep[] };
}

export interface ProcedureRecord {
  tthc: ProcedureTthc;
  tinhso: ProcedureTinhso;
}
