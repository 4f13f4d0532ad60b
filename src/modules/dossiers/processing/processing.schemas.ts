/** Request and response shapes of one-stop processing (console) and the applicant's answers. */
import { Type, type Static } from 'typebox';
import { StringEnum } from '../../../kernel/geo/geo.schemas';
import {
  AgencyRef,
  ApplicantType,
  ProcedureCode,
  Channel,
  DossierStatus,
  Instant,
  Nullable,
  Slot,
  Text,
  Uuid,
} from '../dossiers.schemas';

const ReturnMethod = StringEnum(['electronic', 'desk', 'post'] as const, {
  description: 'electronic = tải về, desk = tại bộ phận một cửa, post = qua bưu chính công ích',
});
const Note = Text(2000);
const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', format: 'date' });

export const DOSSIER_BOXES = [
  'todo',
  'reception',
  'supplement',
  'late',
  'due_today',
  'finished',
  'all',
] as const;
export const DOSSIER_SORTS = ['due', 'submitted', '-submitted', 'code'] as const;

export const StaffDossierQuery = Type.Object(
  {
    box: Type.Optional(
      StringEnum(DOSSIER_BOXES, {
        description:
          'todo = việc của tôi, reception = chờ tiếp nhận, supplement = chờ bổ sung, late = quá hạn, due_today = đến hạn hôm nay, finished = đã kết thúc, all = tất cả',
      }),
    ),
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'Dossier code or applicant name' }),
    ),
    procedure: Type.Optional(Type.String({ maxLength: 30 })),
    status: Type.Optional(DossierStatus),
    channel: Type.Optional(Channel),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
    sort: Type.Optional(StringEnum(DOSSIER_SORTS)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type StaffDossierQuery = Static<typeof StaffDossierQuery>;

const StepRole = StringEnum(['desk', 'specialist', 'leader'] as const);
const StepKind = StringEnum(['reception', 'review', 'approval', 'signing', 'return'] as const);

export const StaffDossierItem = Type.Object({
  code: Type.String(),
  status: DossierStatus,
  channel: Channel,
  applicantName: Type.String({ description: 'Masked: family name and initials' }),
  procedure: Type.Object({ code: Type.String(), name: Type.String() }),
  receivingAgency: AgencyRef,
  step: Nullable(
    Type.Object({ name: Type.String(), role: StepRole, agencyName: Type.String(), dueAt: Instant }),
  ),
  submittedAt: Instant,
  receivedAt: Nullable(Instant),
  dueAt: Nullable(Instant),
  finishedAt: Nullable(Instant),
  late: Type.Boolean(),
});

export const StaffDossierPage = Type.Object({
  items: Type.Array(StaffDossierItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const DOSSIER_ACTIONS = [
  'receive',
  'request_supplement',
  'refuse',
  'forward',
  'approve',
  'send_back',
  'sign',
  'return',
  'apologise',
] as const;

export const StaffDossierView = Type.Object({
  code: Type.String(),
  status: DossierStatus,
  channel: Channel,
  procedure: Type.Object({ code: Type.String(), name: Type.String() }),
  receivingAgency: AgencyRef,
  applicant: Type.Object({
    type: ApplicantType,
    fullName: Type.String(),
    idNumber: Type.String(),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  }),
  values: Type.Record(Type.String(), Type.Unknown()),
  submittedAt: Instant,
  receivedAt: Nullable(Instant),
  dueAt: Nullable(Instant),
  finishedAt: Nullable(Instant),
  returnedAt: Nullable(Instant),
  returnMethod: ReturnMethod,
  refusalReason: Nullable(Type.String()),
  result: Nullable(
    Type.Object({ name: Type.String(), signed: Type.Boolean(), signedAt: Nullable(Instant) }),
  ),
  documents: Type.Array(
    Type.Object({
      id: Uuid,
      slot: Type.String(),
      slotName: Type.String(),
      name: Type.String(),
      mediaType: Type.String(),
      size: Type.Integer(),
      origin: StringEnum(['upload', 'reuse', 'scan'] as const),
      addedAt: Instant,
    }),
  ),
  steps: Type.Array(
    Type.Object({
      stepNo: Type.Integer(),
      name: Type.String(),
      kind: StepKind,
      role: StepRole,
      status: StringEnum(['active', 'done', 'returned'] as const),
      agencyName: Type.String(),
      startedAt: Instant,
      dueAt: Instant,
      finishedAt: Nullable(Instant),
      finishedBy: Nullable(Type.String()),
    }),
  ),
  supplements: Type.Array(
    Type.Object({
      requestedAt: Instant,
      note: Type.String(),
      slots: Type.Array(Type.String()),
      suppliedAt: Nullable(Instant),
    }),
  ),
  apologies: Type.Array(
    Type.Object({
      id: Uuid,
      issuedAt: Instant,
      previousDueAt: Instant,
      newDueAt: Instant,
      reason: Type.String(),
    }),
  ),
  history: Type.Array(
    Type.Object({
      at: Instant,
      action: Type.String(),
      status: Nullable(DossierStatus),
      actorName: Nullable(Type.String()),
      note: Nullable(Type.String()),
      agencyName: Nullable(Type.String()),
    }),
  ),
  actions: Type.Array(StringEnum(DOSSIER_ACTIONS)),
});

export const ReceiveBody = Type.Object(
  { returnMethod: Type.Optional(ReturnMethod), note: Type.Optional(Note) },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object({ reason: Note }, { additionalProperties: false });
export const SupplementRequestBody = Type.Object(
  { note: Note, slots: Type.Array(Slot, { maxItems: 60, default: [] }) },
  { additionalProperties: false },
);
export const ForwardBody = Type.Object(
  { note: Type.Optional(Note) },
  { additionalProperties: false },
);
export const SendBackBody = Type.Object(
  { note: Note, toStep: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) },
  { additionalProperties: false },
);
export const ReturnBody = Type.Object(
  { method: Type.Optional(ReturnMethod) },
  { additionalProperties: false },
);
export const ApologyBody = Type.Object(
  { reason: Note, newDueAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);
export const SignBody = Type.Object(
  {
    code: Type.String({
      pattern: '^[0-9]{6}$',
      description: 'A fresh code of the signer’s authenticator: a signature is an act in law',
    }),
  },
  { additionalProperties: false },
);
export const SupplyBody = Type.Object(
  {
    documents: Type.Array(
      Type.Object({ slot: Slot, fileId: Uuid }, { additionalProperties: false }),
      {
        maxItems: 60,
      },
    ),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export const SurveyBody = Type.Object(
  {
    rating: Type.Integer({
      minimum: 1,
      maximum: 5,
      description: '1 rất không hài lòng … 5 rất hài lòng',
    }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** What an action answers: the dossier's status after it, and what changed. */
export const ActionResult = Type.Object({
  code: Type.String(),
  status: DossierStatus,
  dueAt: Type.Optional(Nullable(Instant)),
  receivedAt: Type.Optional(Instant),
  finishedAt: Type.Optional(Instant),
  returnedAt: Type.Optional(Instant),
  step: Type.Optional(Type.Object({ no: Type.Integer(), name: Type.String(), dueAt: Instant })),
});
export const ApologyResult = Type.Object({
  id: Uuid,
  code: Type.String(),
  previousDueAt: Instant,
  newDueAt: Instant,
  issuedAt: Instant,
});
export const SurveyResult = Type.Object({
  code: Type.String(),
  rating: Type.Integer(),
  answeredAt: Instant,
});
export const DocumentParams = Type.Object({
  code: Type.String({
    pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4,}$',
  }),
  documentId: Uuid,
});

const Stamp = Type.String({ pattern: '^[0-9]{14}$', description: 'yyyyMMddHHmmss, Vietnam time' });
export const NationalRecordSchema = Type.Object({
  MaHoSo: Type.String(),
  MaTTHC: Type.String(),
  TenTTHC: Type.String(),
  MaLinhVuc: Type.String(),
  TenLinhVuc: Type.String(),
  MaCoQuanTiepNhan: Type.String(),
  KenhThucHien: Type.Integer({
    minimum: 1,
    maximum: 3,
    description: '1 trực tiếp, 2 trực tuyến, 3 bưu chính',
  }),
  TrangThaiHoSo: Type.Integer({ minimum: 1, maximum: 10 }),
  NgayNopHoSo: Stamp,
  NgayTiepNhan: Nullable(Stamp),
  NgayHenTra: Nullable(Stamp),
  NgayKetThucXuLy: Nullable(Stamp),
  NgayTra: Nullable(Stamp),
  HinhThucTra: Type.Integer({
    minimum: 0,
    maximum: 2,
    description: '0 tại quầy, 1 bưu chính, 2 trực tuyến',
  }),
  TaiLieuNop: Type.Array(
    Type.Object({
      TepDinhKemId: Uuid,
      TenTepDinhKem: Type.String(),
      MaThanhPhanHoSo: Type.String(),
      NguonTaiLieu: StringEnum(['TAI_LEN', 'TAI_SU_DUNG', 'SO_HOA'] as const),
    }),
  ),
  DanhSachLePhi: Type.Array(
    Type.Object({
      LoaiPhiLePhi: StringEnum(['PHI', 'LE_PHI'] as const),
      TenPhiLePhi: Type.String(),
      SoLuong: Type.Integer(),
      Gia: Type.Integer(),
      TrangThai: StringEnum(['CHUA_NOP', 'DA_NOP', 'MIEN'] as const),
      HinhThucThu: Nullable(StringEnum(['TRUC_TUYEN', 'TRUC_TIEP'] as const)),
    }),
  ),
  DanhSachGiayToKetQua: Type.Array(
    Type.Object({ GiayToId: Uuid, TenGiayTo: Type.String(), KySo: Type.Boolean() }),
  ),
});

/** A paper dossier typed in at the desk, its documents scanned (the officer's uploads). */
export const PaperDossierBody = Type.Object(
  {
    procedureCode: ProcedureCode,
    channel: StringEnum(['TRUC_TIEP', 'BUU_CHINH'] as const),
    communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
    case: Type.Optional(Type.Integer({ minimum: 0, maximum: 29 })),
    applicant: Type.Object(
      {
        type: ApplicantType,
        fullName: Text(200),
        idNumber: Type.String({ pattern: '^[0-9]{9,13}$' }),
        phone: Type.Optional(Type.String({ pattern: '^(0|\\+84)[1-9][0-9]{8,9}$' })),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
      },
      { additionalProperties: false },
    ),
    values: Type.Record(Type.String(), Type.Unknown()),
    documents: Type.Array(
      Type.Object({ slot: Slot, fileId: Uuid }, { additionalProperties: false }),
      { maxItems: 60 },
    ),
    returnMethod: Type.Optional(ReturnMethod),
  },
  { additionalProperties: false },
);
