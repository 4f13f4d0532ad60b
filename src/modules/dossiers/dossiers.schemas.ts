/** Request and response shapes of the procedure catalog. */
import { Type, type Static, type TSchema } from 'typebox';
import { ProblemResponse, StringEnum } from '../../kernel/geo/geo.schemas';
import { FormDefinitionSchema, FormValuesSchema } from '../../kernel/forms/form-definition.schema';

export { ProblemResponse };

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Text = (maxLength: number, options: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, maxLength, ...options });
const LocalText = Type.Object({ vi: Text(500), en: Text(500) }, { additionalProperties: false });
const AgencyCode = Type.String({
  pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$',
  description: 'Mã định danh cơ quan, e.g. 000.00.20.H49',
});
export const ProcedureCode = Type.String({
  pattern: '^[0-9]\\.[0-9]{6}(\\.[A-Z0-9]{1,10})?$',
  description: 'Mã thủ tục hành chính (MaTTHC), e.g. 1.001193',
});

export const PROCEDURE_LEVELS = ['TINH', 'XA'] as const;
export const ONLINE_LEVELS = ['TOAN_TRINH', 'MOT_PHAN'] as const;
export const APPLICANT_TYPES = ['CONG_DAN', 'DOANH_NGHIEP', 'TO_CHUC'] as const;
export const CHANNELS = ['TRUC_TIEP', 'TRUC_TUYEN', 'BUU_CHINH'] as const;
export const TIME_UNITS = ['NGAY_LAM_VIEC', 'NGAY', 'GIO_LAM_VIEC'] as const;

const Level = StringEnum(PROCEDURE_LEVELS, { description: 'TINH = cấp tỉnh, XA = cấp xã' });
const OnlineLevel = StringEnum(ONLINE_LEVELS, {
  description: 'TOAN_TRINH = trực tuyến toàn trình, MOT_PHAN = trực tuyến một phần',
});
export const ApplicantType = StringEnum(APPLICANT_TYPES, {
  description: 'CONG_DAN = công dân, DOANH_NGHIEP = doanh nghiệp, TO_CHUC = tổ chức',
});
export const Channel = StringEnum(CHANNELS, {
  description: 'TRUC_TIEP = trực tiếp, TRUC_TUYEN = trực tuyến, BUU_CHINH = dịch vụ bưu chính',
});
const TimeUnit = StringEnum(TIME_UNITS, {
  description: 'NGAY_LAM_VIEC = ngày làm việc, NGAY = ngày, GIO_LAM_VIEC = giờ làm việc',
});
const Money = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'VND' });

/**
 * The national database's fields. Other fields of its exports are kept as they are and
 * exported again, so a round trip through the platform loses nothing.
 */
const Tthc = Type.Object(
  {
    MaTTHC: ProcedureCode,
    TenTTHC: Text(500),
    CapThucHien: Type.Array(Level, { minItems: 1, uniqueItems: true }),
    LinhVuc: Type.Object({ MaLinhVuc: Text(40), TenLinhVuc: Text(300) }),
    MucDo: OnlineLevel,
    DoiTuongThucHien: Type.Array(ApplicantType, { minItems: 1, uniqueItems: true }),
    CoQuanThucHien: Text(500),
    CoQuanCoThamQuyen: Text(500),
    TrinhTuThucHien: Type.Array(Text(2000), { maxItems: 50 }),
    CachThucThucHien: Type.Array(
      Type.Object({
        Kenh: Channel,
        ThoiGianGiaiQuyet: Type.Number({ exclusiveMinimum: 0, maximum: 3650 }),
        DonViTinh: TimeUnit,
        MoTa: Type.Optional(Type.String({ maxLength: 2000 })),
        PhiLePhi: Type.Array(
          Type.Object({
            Loai: StringEnum(['PHI', 'LE_PHI'] as const, { description: 'phí or lệ phí' }),
            MoTa: Text(1000),
            SoTien: Money,
          }),
          { maxItems: 50 },
        ),
      }),
      { minItems: 1, maxItems: 3 },
    ),
    ThanhPhanHoSo: Type.Array(
      Type.Object({
        TruongHop: Text(500),
        GiayTo: Type.Array(
          Type.Object({
            MaGiayTo: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' }),
            TenGiayTo: Text(1000),
            SoBanChinh: Type.Integer({ minimum: 0, maximum: 20 }),
            SoBanSao: Type.Integer({ minimum: 0, maximum: 20 }),
            MauDon: Type.Optional(Type.String({ maxLength: 300 })),
            BatBuoc: Type.Boolean(),
          }),
          { maxItems: 60 },
        ),
      }),
      { maxItems: 30 },
    ),
    KetQuaThucHien: Type.Array(Type.Object({ MaKetQua: Text(40), TenKetQua: Text(500) }), {
      minItems: 1,
      maxItems: 20,
    }),
    CanCuPhapLy: Type.Array(
      Type.Object({
        SoKyHieu: Text(100),
        TrichYeu: Text(1000),
        NgayBanHanh: Type.String({ format: 'date' }),
        CoQuanBanHanh: Text(300),
      }),
      { maxItems: 50 },
    ),
    YeuCauDieuKien: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: true },
);

const ProcessStep = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    kind: StringEnum(['reception', 'review', 'approval', 'signing', 'return'] as const),
    name: LocalText,
    role: StringEnum(['desk', 'specialist', 'leader'] as const),
    agency: Type.Union([
      Type.Literal('receiving'),
      Type.Object({ code: AgencyCode }, { additionalProperties: false }),
    ]),
    share: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);

export const ProcedureRecordSchema = Type.Object(
  {
    tthc: Tthc,
    tinhso: Type.Object(
      {
        nameEn: Text(500),
        receiving: Type.Union([
          Type.Literal('commune'),
          Type.Object({ code: AgencyCode }, { additionalProperties: false }),
        ]),
        form: FormDefinitionSchema,
        process: Type.Object(
          { steps: Type.Array(ProcessStep, { minItems: 2, maxItems: 20 }) },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ImportBody = Type.Array(ProcedureRecordSchema, { minItems: 1, maxItems: 2000 });
export const ImportResult = Type.Object({
  created: Type.Array(Type.String()),
  updated: Type.Array(Type.String()),
  unchanged: Type.Array(Type.String()),
});

export const ProcedureListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    field: Type.Optional(Type.String({ maxLength: 40 })),
    level: Type.Optional(Level),
    onlineLevel: Type.Optional(OnlineLevel),
    applicantType: Type.Optional(ApplicantType),
    sort: Type.Optional(StringEnum(['name', 'code', 'field'] as const)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type ProcedureListQuery = Static<typeof ProcedureListQuery>;

const ProcessingTime = Nullable(Type.Object({ amount: Type.Number(), unit: TimeUnit }));

export const ProcedureSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  field: Type.Object({ code: Type.String(), name: Type.String() }),
  levels: Type.Array(Level),
  onlineLevel: OnlineLevel,
  applicantTypes: Type.Array(ApplicantType),
  receivingAgencyName: Nullable(Type.String()),
  online: Type.Boolean(),
  channel: Nullable(Channel),
  processingTime: ProcessingTime,
  feeMin: Type.Integer({ description: 'The smallest fee or charge line of the channel, VND' }),
  feeMax: Type.Integer({ description: 'The largest; both 0: free' }),
});

export const ProcedurePage = Type.Object({
  items: Type.Array(ProcedureSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ProcedureFieldList = Type.Object({
  items: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), procedures: Type.Integer() }),
  ),
});

export const ProcedureView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  revision: Type.Integer(),
  updatedAt: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
  receivingAgency: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  tthc: Tthc,
  form: FormDefinitionSchema,
  process: ProcedureRecordSchema.properties.tinhso.properties.process,
  /** The agencies the steps name by code, with their names. */
  agencies: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) }),
  ),
});

export const ProcedureCodeParams = Type.Object({ code: ProcedureCode });
export const ExportQuery = Type.Object(
  {
    codes: Type.Optional(Type.String({ maxLength: 20_000, description: 'Comma-separated codes' })),
  },
  { additionalProperties: false },
);
export const ExportBody = Type.Array(ProcedureRecordSchema);

export const Uuid = Type.String({ format: 'uuid' });
export const Slot = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$', description: 'MaGiayTo' });

export const SubmitBody = Type.Object(
  {
    procedureCode: ProcedureCode,
    /** The applicant's commune, for procedures each commune receives. */
    communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
    /** Which case (trường hợp) of the procedure's documents applies; the first by default. */
    case: Type.Optional(Type.Integer({ minimum: 0, maximum: 29 })),
    applicant: Type.Object(
      {
        type: ApplicantType,
        fullName: Text(200),
        idNumber: Type.String({
          pattern: '^[0-9]{9,13}$',
          description: 'Số định danh cá nhân (12 digits), or the enterprise or tax code',
        }),
        phone: Type.Optional(Type.String({ pattern: '^(0|\\+84)[1-9][0-9]{8,9}$' })),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
      },
      { additionalProperties: false },
    ),
    values: FormValuesSchema,
    documents: Type.Array(
      Type.Object({ slot: Slot, fileId: Uuid }, { additionalProperties: false }),
      { maxItems: 60 },
    ),
  },
  { additionalProperties: false },
);
export type SubmitBody = Static<typeof SubmitBody>;

export const DOSSIER_STATUSES = [
  'submitted',
  'received',
  'refused',
  'processing',
  'supplement_requested',
  'awaiting_payment',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
] as const;
export const DossierStatus = StringEnum(DOSSIER_STATUSES, {
  description: 'TrangThaiHoSo 1–10 of the national portal, in this order',
});
export const Instant = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
export const AgencyRef = Type.Object({ code: Type.String(), name: Type.String() });

export const SubmittedDossier = Type.Object({
  id: Uuid,
  code: Type.String(),
  status: DossierStatus,
  submittedAt: Instant,
  procedure: Type.Object({ code: Type.String(), name: Type.String() }),
  receivingAgency: AgencyRef,
});

export const TimelineEntry = Type.Object({
  at: Instant,
  action: Type.String(),
  status: Nullable(DossierStatus),
  agency: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

export const DossierSummary = Type.Object({
  code: Type.String(),
  status: DossierStatus,
  procedure: Type.Object({ code: Type.String(), name: Type.String() }),
  receivingAgency: AgencyRef,
  submittedAt: Instant,
  dueAt: Nullable(Instant),
});

export const MyDossierPage = Type.Object({
  items: Type.Array(DossierSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export const MyDossierQuery = Type.Object(
  {
    status: Type.Optional(DossierStatus),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const MyDossierView = Type.Object({
  ...DossierSummary.properties,
  applicant: Type.Object({
    type: ApplicantType,
    fullName: Type.String(),
    idNumber: Type.String(),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  }),
  communeCode: Nullable(Type.String()),
  values: FormValuesSchema,
  documents: Type.Array(
    Type.Object({
      slot: Type.String(),
      fileId: Uuid,
      name: Type.String(),
      mediaType: Type.String(),
      size: Type.Integer(),
    }),
  ),
  timeline: Type.Array(TimelineEntry),
  returnMethod: StringEnum(['electronic', 'desk', 'post'] as const),
  refusalReason: Nullable(Type.String()),
  supplementRequest: Nullable(
    Type.Object({ requestedAt: Instant, note: Type.String(), slots: Type.Array(Type.String()) }),
  ),
  apology: Nullable(Type.Object({ issuedAt: Instant, newDueAt: Instant, reason: Type.String() })),
  survey: Nullable(Type.Object({ rating: Type.Integer(), answeredAt: Instant })),
  /** The papers the applicant can download now (…/papers/{paper}). */
  papers: Type.Array(
    StringEnum(['receipt', 'supplement', 'refusal', 'apology', 'result'] as const),
  ),
});

/** The applicant's earlier documents and results, which a new dossier may reuse. */
export const ReusableDocuments = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: StringEnum(['document', 'result'] as const),
      fileId: Uuid,
      name: Type.String(),
      mediaType: Type.String(),
      size: Type.Integer(),
      slot: Nullable(Type.String()),
      slotName: Nullable(Type.String()),
      dossierCode: Type.String(),
      procedureName: Type.String(),
      addedAt: Instant,
    }),
  ),
});

export const DossierCodeParams = Type.Object({
  code: Type.String({
    pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4,}$',
  }),
});

export const TrackBody = Type.Object(
  {
    code: DossierCodeParams.properties.code,
    idLast4: Type.String({
      pattern: '^[0-9]{4}$',
      description: 'The last four digits of the applicant’s identity number',
    }),
  },
  { additionalProperties: false },
);

/** What anyone holding the code and the four digits sees: nothing personal. */
export const TrackedDossier = Type.Object({
  ...DossierSummary.properties,
  timeline: Type.Array(TimelineEntry),
});
