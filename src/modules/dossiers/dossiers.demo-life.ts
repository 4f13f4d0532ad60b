/**
 * One demo dossier's life, drawn whole and then cut at `now`: submitted (online, at the desk
 * or by post), received within a few working hours (at once at the desk), its appointment
 * from the procedure's time for the channel on the working calendar (deadlines/), then each
 * step of its process in turn — a request for more documents that stops the clock, a
 * refusal, a late finish with an apology and a new appointment, fees assessed and paid
 * (online through VNPay or at the desk), the result signed and returned, a rating — as the
 * module's own actions would leave it: the same statuses, the same steps and due dates, the
 * same history lines. Whatever would happen after `now` has not happened yet, so recent
 * dossiers are still open at every stage.
 */
import { sanitiseFileName } from '../../kernel/storage/file-names';
import { appointmentFor, extendForPause, stepDueDates } from './deadlines';
import type { Channel } from './catalog/procedure-record';
import { DOSSIER_DOCUMENT_OWNER, DOSSIER_RESULT_OWNER } from './dossier-file-owners';
import type { DossierStatus, ReturnMethod } from './dossiers.tables';
import { formatDong } from './payments/money';
import { demoFormValues, type DemoCommune } from './dossiers.demo-forms';
import type { DemoRandom } from './dossiers.demo-random';
import type { DemoActor, DemoAgency, DemoProcedure, DemoWorld } from './dossiers.demo-world';
import type {
  ApologyRow,
  DocumentRow,
  DossierRow,
  FeeRow,
  HistoryRow,
  PaymentRow,
  StepRow,
  StoredFileRow,
  SupplementRow,
  SurveyRow,
} from './dossiers.demo-rows';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

/** Shares of the demo year (demo figures, not statistics). */
export const DEMO_SHARES = {
  refused: 0.03,
  /** Of refusals of online dossiers, those made by the desk before reception. */
  refusedAtReception: 0.6,
  /** Of online dossiers, those asked for more documents. */
  supplement: 0.1,
  late: 0.035,
  /** Of dossiers whose appointment passed in the last days, those running late. */
  lateRecently: 0.25,
  apology: 0.5,
  reused: 0.1,
  scanned: 0.85,
  /** Of online dossiers owing fees, those paid through VNPay. */
  paidOnline: 0.65,
  signed: 0.9,
  rated: 0.35,
  /** Of online dossiers, those of the demo citizen's account. */
  citizen: 0.004,
} as const;

/** The content every document and every result shares. */
export interface DemoContents {
  document: { sha256: string; size: number };
  result: { sha256: string; size: number };
}

export interface DossierDraft {
  id: string;
  code: string;
  agency: DemoAgency;
  /** The applicant's commune, for the procedures each commune receives. */
  commune: DemoCommune | null;
  procedure: DemoProcedure;
  channel: Channel;
  submittedAt: Date;
}

/** A payment whose receipt number is given once every payment of the year is known. */
export interface PaymentDraft {
  row: PaymentRow;
  /** The history line that quotes the receipt number. */
  line: HistoryRow | null;
  agencyCode: string;
  linesPaid: number;
}

export interface DossierLife {
  dossier: DossierRow;
  storedFiles: StoredFileRow[];
  documents: DocumentRow[];
  /** In the order they happened; `seq` is given by the caller. */
  steps: StepRow[];
  history: HistoryRow[];
  supplement: SupplementRow | null;
  apology: ApologyRow | null;
  survey: SurveyRow | null;
  fees: FeeRow[];
  payment: PaymentDraft | null;
}

export interface LifeContext {
  rng: DemoRandom;
  world: DemoWorld;
  now: Date;
  contents: DemoContents;
  /** Encrypts a personal field as submission does (field-crypto, the dossier id as context). */
  seal(text: string, dossierId: string): string;
}

type DossierState = {
  status: DossierStatus;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  currentStep: number | null;
  pausedAt: Date | null;
  pausedFromStatus: DossierStatus | null;
  refusalReason: string | null;
  resultFileId: string | null;
  resultName: string | null;
  resultSigned: boolean;
  resultSignedAt: Date | null;
  returnMethod: ReturnMethod;
};

interface LifeEvent {
  at: Date;
  action: string;
  status: DossierStatus | null;
  agencyId: string;
  actor: DemoActor | null;
  note?: string | null;
  details?: Record<string, unknown>;
  set?: Partial<DossierState>;
  payment?: PaymentDraft;
}

interface Pass {
  stepNo: number;
  agencyId: string;
  start: Date;
  due: Date;
  end: Date;
  by: DemoActor | null;
}

const REFUSALS = [
  'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận; đề nghị ông/bà liên hệ cơ quan có thẩm quyền.',
  'Người yêu cầu không đủ điều kiện theo quy định của thủ tục hành chính.',
  'Giấy tờ nộp kèm không đúng với thông tin kê khai trong tờ khai; hồ sơ không đủ cơ sở để giải quyết.',
  'Việc đã được đăng ký trước đây tại cơ quan khác; không đăng ký lại theo quy định.',
  'Thửa đất đang có tranh chấp, chưa đủ điều kiện giải quyết theo quy định của Luật Đất đai.',
];
const SUPPLEMENT_NOTES = [
  'Bản chụp giấy tờ bị mờ, không đọc được thông tin; đề nghị bổ sung bản rõ nét.',
  'Thiếu chữ ký của người yêu cầu trên tờ khai; đề nghị ký và nộp lại tờ khai.',
  'Thông tin trong tờ khai chưa khớp với giấy tờ kèm theo; đề nghị bổ sung giấy tờ chứng minh.',
  'Đề nghị bổ sung bản chính hoặc bản sao có chứng thực của giấy tờ.',
];
const APOLOGIES = [
  'Hồ sơ cần xác minh thêm thông tin với cơ quan liên quan nên chưa giải quyết kịp thời hạn.',
  'Số lượng hồ sơ tiếp nhận tăng đột biến trong thời gian qua; cơ quan chưa bố trí kịp nhân lực thẩm định.',
  'Phải chờ ý kiến phối hợp của cơ quan chuyên môn nên việc giải quyết bị chậm so với ngày hẹn.',
];
const FORWARD_NOTES = [
  'Hồ sơ đủ điều kiện, đề nghị lãnh đạo xem xét, phê duyệt.',
  'Đã thẩm tra, thông tin khớp với cơ sở dữ liệu.',
  null,
  null,
];
const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, trả kết quả sớm hơn hẹn.',
  'Thủ tục nhanh gọn, không phải đi lại nhiều.',
  'Nộp trực tuyến tiện lợi.',
  'Thời gian chờ còn lâu.',
];
const BANKS = ['NCB', 'VCB', 'BIDV', 'VIETINBANK', 'AGRIBANK', 'TPBANK', 'MBBANK', 'ACB'];

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

export function liveDossier(context: LifeContext, draft: DossierDraft): DossierLife {
  const { rng, world, now, contents } = context;
  const { calendar } = world;
  const { procedure, agency } = draft;
  const nowMs = now.getTime();
  const happened = (at: Date | null): at is Date => at !== null && at.getTime() <= nowMs;
  const after = (from: Date, hours: number) =>
    calendar.addWorkingHours(from, Math.max(0, Math.round(hours * 60) / 60));
  const online = draft.channel === 'TRUC_TUYEN';
  const desk = world.staffOf(agency.id);
  const S = draft.submittedAt;
  const way = procedure.tthc.CachThucThucHien.find((entry) => entry.Kenh === draft.channel)!;

  // ————————————————————————————— the applicant, the form, the documents
  const citizen = online && world.citizen && rng.chance(DEMO_SHARES.citizen) ? world.citizen : null;
  const cases = procedure.tthc.ThanhPhanHoSo;
  const caseIndex = cases.length > 1 && rng.chance(0.25) ? rng.int(cases.length) : 0;
  const commune = draft.commune ?? rng.pick(world.communes);
  const form = demoFormValues(rng, procedure.form, {
    today: calendar.localDate(S),
    commune,
    communes: world.communes,
    ...(citizen ? { applicant: citizen.person } : {}),
  });
  const applicant = form.applicant;
  const applicantActor: DemoActor = { id: citizen?.id ?? null, name: applicant.fullName };
  let returnMethod: ReturnMethod =
    draft.channel === 'BUU_CHINH'
      ? 'post'
      : online
        ? rng.weighted<ReturnMethod>([
            ['electronic', 75],
            ['desk', 20],
            ['post', 5],
          ])
        : rng.chance(0.9)
          ? 'desk'
          : 'post';

  const storedFiles: StoredFileRow[] = [];
  const documents: DocumentRow[] = [];
  const addDocument = (slot: string, title: string, origin: DocumentRow['origin'], at: Date) => {
    const id = rng.uuid();
    const name = documentFileName(title);
    storedFiles.push({
      id,
      sha256: contents.document.sha256,
      size: contents.document.size,
      media_type: 'application/pdf',
      original_name: name,
      owner_type: DOSSIER_DOCUMENT_OWNER,
      owner_id: draft.id,
      agency_id: agency.id,
      uploaded_by: origin === 'scan' ? (desk.desk.id ?? 'demo') : (citizen?.id ?? 'demo'),
      created_at: at.toISOString(),
    });
    documents.push({
      dossier_id: draft.id,
      slot,
      stored_file_id: id,
      name,
      media_type: 'application/pdf',
      size: contents.document.size,
      origin,
      added_at: at.toISOString(),
    });
  };
  const listed = cases[caseIndex]?.GiayTo ?? [];
  let given = listed.filter((document) => document.BatBuoc || rng.chance(0.3));
  if (given.length === 0 && listed.length > 0) given = [listed[0]!];
  const scanned = !online && rng.chance(DEMO_SHARES.scanned);
  for (const document of given) {
    if (online) {
      const origin = rng.chance(DEMO_SHARES.reused) ? 'reuse' : 'upload';
      addDocument(document.MaGiayTo, document.TenGiayTo, origin, S);
    } else if (scanned) {
      addDocument(document.MaGiayTo, document.TenGiayTo, 'scan', S);
    }
  }

  // ————————————————————————————— the times, on the working calendar
  // Online dossiers wait for the desk a few working hours at most; paper ones are received
  // as they are registered.
  const [soonest, latest] = rng.weighted<readonly [number, number]>([
    [[0.1, 2], 55],
    [[2, 5], 35],
    [[5, 8], 10],
  ]);
  const received = online ? after(S, rng.between(soonest, latest)) : S;
  const due = appointmentFor(calendar, received, {
    amount: way.ThoiGianGiaiQuyet,
    unit: way.DonViTinh,
  });
  const totalHours = calendar.workingTimeBetween(received, due) / HOUR;
  const dayHours = calendar.workingDayMs / HOUR;
  const steps = procedure.steps;
  const signNo = steps.findIndex((step) => step.kind === 'signing');
  const returnNo = steps.findIndex((step, index) => index > signNo && step.kind === 'return');
  const shares = steps.map((step) => step.share);
  const stepAgency = (stepNo: number) => procedure.namedStepAgencies.get(stepNo) ?? agency.id;
  const holder = (stepNo: number) => {
    const staff = world.staffOf(stepAgency(stepNo));
    const role = steps[stepNo]!.role;
    return role === 'desk' ? staff.desk : role === 'specialist' ? staff.specialist : staff.leader;
  };

  const refused = rng.chance(DEMO_SHARES.refused);
  const refusedAtReception = refused && online && rng.chance(DEMO_SHARES.refusedAtReception);
  const supplement = !refused && online && rng.chance(DEMO_SHARES.supplement);
  const dueMs = due.getTime();
  const dueRecently = dueMs < nowMs && dueMs > nowMs - 12 * DAY;
  const late =
    !refused &&
    (rng.chance(DEMO_SHARES.late) || (dueRecently && rng.chance(DEMO_SHARES.lateRecently)));
  const lateHours = late ? rng.between(0.3, 4) * dayHours : 0;
  const finishHours = late ? totalHours + lateHours : totalHours * rng.between(0.3, 0.97);

  // Where each step of the process ends, in working hours after reception, the steps
  // sharing the time to the finish by their shares.
  const ends: number[] = [0];
  const weights = steps.slice(1, signNo + 1).map((step) => Math.max(step.share, 1));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  let cumulative = 0;
  for (const weight of weights) {
    cumulative += weight;
    ends.push((finishHours * cumulative) / weightSum);
  }

  // A request for more documents, while the review step holds the dossier: the clock
  // stops until they come.
  const askedAt = supplement ? after(received, ends[1]! * rng.between(0.2, 0.8)) : null;
  const askedHours = askedAt ? calendar.workingTimeBetween(received, askedAt) / HOUR : 0;
  const suppliedAt = askedAt ? after(askedAt, rng.between(1, 8) * dayHours) : null;
  const pause = askedAt && suppliedAt ? { start: askedAt, end: suppliedAt } : null;
  const at = (hours: number): Date =>
    pause && hours > askedHours ? after(pause.end, hours - askedHours) : after(received, hours);
  const dueAfterPause = pause ? extendForPause(calendar, due, pause) : due;
  const planned = stepDueDates(calendar, received, due, shares);
  const plannedAfterPause = pause
    ? stepDueDates(calendar, received, dueAfterPause, shares)
    : planned;
  const refusedAt = refused && !refusedAtReception ? at(ends[1]! * rng.between(0.3, 0.9)) : null;
  const finishedAt = refused ? null : at(finishHours);

  // ————————————————————————————— what happens, in order
  const events: LifeEvent[] = [];
  const passes: Pass[] = [];
  const submittedDetails = {
    code: draft.code,
    procedure: procedure.code,
    ...(online ? {} : { channel: draft.channel }),
    documents: documents.length,
  };
  events.push({
    at: S,
    action: 'submitted',
    status: 'submitted',
    agencyId: agency.id,
    actor: online ? applicantActor : desk.desk,
    details: submittedDetails,
  });

  let supplementRow: SupplementRow | null = null;
  let apologyRow: ApologyRow | null = null;
  let surveyRow: SurveyRow | null = null;
  const fees: FeeRow[] = [];
  let payment: PaymentDraft | null = null;

  if (refusedAtReception) {
    const reason = rng.pick(REFUSALS);
    events.push({
      at: received,
      action: 'refused',
      status: 'refused',
      agencyId: agency.id,
      actor: desk.desk,
      note: reason,
      set: { status: 'refused', refusalReason: reason, finishedAt: received, currentStep: null },
    });
  } else {
    events.push({
      at: received,
      action: 'received',
      status: 'received',
      agencyId: agency.id,
      actor: desk.desk,
      details: { dueAt: due.toISOString() },
      set: {
        status: 'received',
        receivedAt: received,
        dueAt: due,
        currentStep: steps.length > 1 ? 1 : null,
      },
    });
    passes.push({
      stepNo: 0,
      agencyId: agency.id,
      start: received,
      due: planned[0]!,
      end: received,
      by: desk.desk,
    });

    // Fees of the schedule for the channel, assessed by the desk on reception.
    const schedule = way.PhiLePhi;
    const assessedAt = later(received, MINUTE);
    if (!refused && schedule.some((entry) => entry.SoTien > 0)) {
      schedule.forEach((entry, index) => {
        if (index > 0 && !rng.chance(0.2)) return;
        const quantity = /bản|trang/.test(entry.MoTa) ? rng.intBetween(1, 3) : 1;
        const amount = entry.SoTien * quantity;
        fees.push({
          dossier_id: draft.id,
          schedule_index: index,
          kind: entry.Loai,
          description: entry.MoTa,
          unit_amount: entry.SoTien,
          quantity,
          amount,
          status: amount === 0 ? 'waived' : 'due',
          assessed_at: assessedAt.toISOString(),
          assessed_by: desk.desk.id,
          paid_at: null,
          payment_id: null,
        });
      });
      const total = fees.reduce((sum, line) => sum + line.amount, 0);
      events.push({
        at: assessedAt,
        action: 'fees_assessed',
        status: null,
        agencyId: agency.id,
        actor: desk.desk,
        note:
          total === 0
            ? 'Hồ sơ không phải nộp phí, lệ phí.'
            : `Phí, lệ phí phải nộp: ${formatDong(total)}.`,
        details: { lines: fees.length, total },
      });
    }
    const owed = fees.reduce((sum, line) => sum + (line.status === 'due' ? line.amount : 0), 0);
    const byVnpay = owed > 0 && online && rng.chance(DEMO_SHARES.paidOnline);
    if (owed > 0 && !byVnpay && returnMethod === 'electronic') returnMethod = 'desk';

    // The steps of the process up to the signature.
    const lastStep = refusedAt ? 1 : signNo;
    for (let stepNo = 1; stepNo <= lastStep; stepNo += 1) {
      const start = stepNo === 1 ? received : passes[passes.length - 1]!.end;
      const end = refusedAt && stepNo === 1 ? refusedAt : at(ends[stepNo]!);
      // The step that held the dossier during the pause is given its time back when the
      // documents come; the steps after it are due by the moved appointment.
      const stepDue =
        pause && stepNo === 1
          ? happened(pause.end)
            ? extendForPause(calendar, planned[1]!, pause)
            : planned[1]!
          : pause
            ? plannedAfterPause[stepNo]!
            : planned[stepNo]!;
      passes.push({
        stepNo,
        agencyId: stepAgency(stepNo),
        start,
        due: stepDue,
        end,
        by: holder(stepNo),
      });
      if (refusedAt) break;
      const step = steps[stepNo]!;
      const next = steps[stepNo + 1];
      if (step.kind === 'signing' || !next) continue;
      events.push({
        at: end,
        action: step.kind === 'approval' ? 'approved' : 'forwarded',
        status: 'processing',
        agencyId: stepAgency(stepNo),
        actor: holder(stepNo),
        note: step.kind === 'approval' ? null : rng.pick(FORWARD_NOTES),
        details: { from: step.id, to: next.id, toAgencyId: stepAgency(stepNo + 1) },
        set: { status: 'processing', currentStep: stepNo + 1 },
      });
    }

    if (pause) {
      const slots = listed.length > 0 ? [rng.pick(listed).MaGiayTo] : [];
      const note = rng.pick(SUPPLEMENT_NOTES);
      const asker = holder(1);
      events.push({
        at: pause.start,
        action: 'supplement_requested',
        status: 'supplement_requested',
        agencyId: stepAgency(1),
        actor: asker,
        note,
        details: { slots },
        set: {
          status: 'supplement_requested',
          pausedAt: pause.start,
          pausedFromStatus: 'received',
        },
      });
      events.push({
        at: pause.end,
        action: 'supplied',
        status: 'received',
        agencyId: stepAgency(1),
        actor: applicantActor,
        details: { documents: slots.length, dueAt: dueAfterPause.toISOString() },
        set: { status: 'received', dueAt: dueAfterPause, pausedAt: null, pausedFromStatus: null },
      });
      supplementRow = {
        dossier_id: draft.id,
        requested_at: pause.start.toISOString(),
        requested_by: asker.id,
        agency_id: stepAgency(1),
        note,
        slots,
        supplied_at: happened(pause.end) ? pause.end.toISOString() : null,
      };
      if (happened(pause.end)) {
        const slot = listed.find((document) => document.MaGiayTo === slots[0]);
        if (slot) addDocument(slot.MaGiayTo, slot.TenGiayTo, 'upload', pause.end);
      }
    }

    if (refusedAt) {
      const reason = rng.pick(REFUSALS);
      events.push({
        at: refusedAt,
        action: 'refused',
        status: 'refused',
        agencyId: stepAgency(1),
        actor: holder(1),
        note: reason,
        set: { status: 'refused', refusalReason: reason, finishedAt: refusedAt, currentStep: null },
      });
    }

    if (late && finishedAt && rng.chance(DEMO_SHARES.apology)) {
      const issuedAt = after(dueAfterPause, lateHours * rng.between(0.1, 0.6));
      const newDueAt = calendar.addWorkingDays(issuedAt, Math.ceil(lateHours / dayHours) + 1);
      const holding = passes.find(
        (pass) => pass.start.getTime() <= issuedAt.getTime() && issuedAt < pass.end,
      );
      const reason = rng.pick(APOLOGIES);
      const by = desk.desk;
      events.push({
        at: issuedAt,
        action: 'apology_issued',
        status: null,
        agencyId: holding?.agencyId ?? agency.id,
        actor: by,
        note: reason,
        details: { newDueAt: newDueAt.toISOString() },
      });
      if (happened(issuedAt)) {
        apologyRow = {
          dossier_id: draft.id,
          agency_id: holding?.agencyId ?? agency.id,
          issued_at: issuedAt.toISOString(),
          previous_due_at: dueAfterPause.toISOString(),
          new_due_at: newDueAt.toISOString(),
          reason,
          issued_by: by.id,
        };
      }
    }

    if (finishedAt) {
      // The signature, then the result handed over: at once when it is taken electronically
      // with nothing owed, at the desk or by post some hours later.
      const signed = rng.chance(DEMO_SHARES.signed);
      const signer = holder(signNo);
      const resultFileId = rng.uuid();
      const resultName = sanitiseFileName(`Kết quả ${draft.code}.pdf`, 'pdf');
      if (happened(finishedAt)) {
        storedFiles.push({
          id: resultFileId,
          sha256: contents.result.sha256,
          size: contents.result.size,
          media_type: 'application/pdf',
          original_name: resultName,
          owner_type: DOSSIER_RESULT_OWNER,
          owner_id: draft.id,
          agency_id: agency.id,
          uploaded_by: signer.id ?? 'demo',
          created_at: finishedAt.toISOString(),
        });
      }
      events.push({
        at: finishedAt,
        action: 'signed',
        status: 'resolved',
        agencyId: stepAgency(signNo),
        actor: signer,
        details: signed
          ? { certificate: `CN=${signer.name}, O=${world.agencyName(stepAgency(signNo))}` }
          : {},
        set: {
          status: 'resolved',
          finishedAt,
          resultFileId,
          resultName,
          resultSigned: signed,
          resultSignedAt: signed ? finishedAt : null,
          currentStep: returnNo >= 0 ? returnNo : null,
        },
      });
      const electronic = returnMethod === 'electronic';
      const returnedAt = electronic
        ? finishedAt
        : after(finishedAt, returnMethod === 'post' ? rng.between(8, 24) : rng.between(0.5, 16));
      if (returnNo >= 0) {
        passes.push({
          stepNo: returnNo,
          agencyId: stepAgency(returnNo),
          start: finishedAt,
          due: dueAfterPause,
          end: returnedAt,
          by: electronic ? signer : holder(returnNo),
        });
      }
      if (owed > 0) {
        // Online, after the assessment and before the signature (an electronic result is
        // handed over only when nothing is owed).
        const paidAt = byVnpay
          ? new Date(
              Math.min(
                Math.max(
                  at(rng.between(0.1, Math.min(5, finishHours * 0.6))).getTime(),
                  assessedAt.getTime() + MINUTE,
                ),
                finishedAt.getTime() - MINUTE,
              ),
            )
          : draft.channel === 'TRUC_TIEP'
            ? later(received, rng.intBetween(3, 15) * MINUTE)
            : later(returnedAt, -2 * MINUTE);
        payment = payFees(context, draft, fees, byVnpay, paidAt);
        if (payment) events.push({ ...paymentEvent(payment, desk.desk), at: paidAt });
      }
      events.push({
        at: returnedAt,
        action: 'returned',
        status: 'returned',
        agencyId: returnNo >= 0 ? stepAgency(returnNo) : agency.id,
        actor: electronic ? signer : desk.desk,
        details: { method: returnMethod },
        set: { status: 'returned', returnedAt, returnMethod, currentStep: null },
      });
      if (rng.chance(DEMO_SHARES.rated)) {
        const answeredAt = later(returnedAt, rng.between(0.1, 72) * HOUR);
        const rating = rng.weighted([
          [5, 62],
          [4, 27],
          [3, 7],
          [2, 2.5],
          [1, 1.5],
        ]);
        const comment = rng.chance(0.15) ? rng.pick(COMMENTS) : null;
        events.push({
          at: answeredAt,
          action: 'rated',
          status: null,
          agencyId: agency.id,
          actor: applicantActor,
          details: { rating },
        });
        if (happened(answeredAt)) {
          surveyRow = {
            dossier_id: draft.id,
            answered_at: answeredAt.toISOString(),
            rating,
            comment,
          };
        }
      }
    }
  }

  // ————————————————————————————— cut at now
  const state: DossierState = {
    status: 'submitted',
    receivedAt: null,
    dueAt: null,
    finishedAt: null,
    returnedAt: null,
    currentStep: null,
    pausedAt: null,
    pausedFromStatus: null,
    refusalReason: null,
    resultFileId: null,
    resultName: null,
    resultSigned: false,
    resultSignedAt: null,
    returnMethod,
  };
  // Stable: acts of one instant keep the order they were written in.
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map(({ event }) => event);
  const history: HistoryRow[] = [];
  let updatedAt = S;
  for (const event of ordered) {
    if (!happened(event.at)) break;
    Object.assign(state, event.set ?? {});
    updatedAt = event.at;
    const line: HistoryRow = {
      seq: 0,
      dossier_id: draft.id,
      at: event.at.toISOString(),
      action: event.action,
      status: event.status,
      agency_id: event.agencyId,
      actor_id: event.actor?.id ?? null,
      actor_name: event.actor?.name ?? null,
      note: event.note ?? null,
      details: event.details ?? {},
    };
    if (event.payment) event.payment.line = line;
    history.push(line);
  }
  if (payment && !happened(new Date(payment.row.paid_at))) payment = null;
  if (payment) {
    for (const line of fees) {
      if (line.status !== 'due') continue;
      line.status = 'paid';
      line.paid_at = payment.row.paid_at;
      line.payment_id = payment.row.id;
    }
  }
  const stepRows: StepRow[] = passes
    .filter((pass) => happened(pass.start))
    .map((pass) => {
      const step = steps[pass.stepNo]!;
      const done = happened(pass.end);
      return {
        seq: 0,
        dossier_id: draft.id,
        step_no: pass.stepNo,
        step_id: step.id,
        kind: step.kind,
        role: step.role,
        name: step.name.vi,
        agency_id: pass.agencyId,
        status: done ? 'done' : 'active',
        started_at: pass.start.toISOString(),
        due_at: pass.due.toISOString(),
        finished_at: done ? pass.end.toISOString() : null,
        finished_by: done ? (pass.by?.id ?? null) : null,
      };
    });

  const seal = (text: string) => context.seal(text, draft.id);
  const dossier: DossierRow = {
    id: draft.id,
    code: draft.code,
    procedure_id: procedure.id,
    procedure_code: procedure.code,
    procedure_revision: procedure.revision,
    receiving_agency_id: agency.id,
    commune_code: draft.commune?.code ?? null,
    channel: draft.channel,
    case_index: caseIndex,
    applicant_type: 'CONG_DAN',
    applicant_user_id: citizen?.id ?? null,
    applicant_name: applicant.fullName.normalize('NFC'),
    applicant_id_number: seal(applicant.idNumber),
    applicant_phone: seal(applicant.phone),
    applicant_email: online && (citizen || rng.chance(0.6)) ? seal(applicant.email) : null,
    form_values: seal(JSON.stringify(form.values)),
    status: state.status,
    submitted_at: S.toISOString(),
    received_at: iso(state.receivedAt),
    due_at: iso(state.dueAt),
    finished_at: iso(state.finishedAt),
    returned_at: iso(state.returnedAt),
    current_step: state.currentStep,
    paused_at: iso(state.pausedAt),
    paused_from_status: state.pausedFromStatus,
    return_method: state.returnMethod,
    refusal_reason: state.refusalReason,
    result_file_id: state.resultFileId,
    result_name: state.resultName,
    result_signed: state.resultSigned,
    result_signed_at: iso(state.resultSignedAt),
    created_at: S.toISOString(),
    updated_at: updatedAt.toISOString(),
  };
  return {
    dossier,
    storedFiles,
    documents,
    steps: stepRows,
    history,
    supplement:
      supplementRow && happened(new Date(supplementRow.requested_at)) ? supplementRow : null,
    apology: apologyRow,
    survey: surveyRow,
    fees: fees.filter((line) => happened(new Date(line.assessed_at))),
    payment,
  };
}

/** The payment of everything owed, its receipt number to be given later. */
function payFees(
  context: LifeContext,
  draft: DossierDraft,
  fees: readonly FeeRow[],
  online: boolean,
  paidAt: Date,
): PaymentDraft {
  const { rng } = context;
  const due = fees.filter((line) => line.status === 'due');
  const amount = due.reduce((sum, line) => sum + line.amount, 0);
  const createdAt = online ? later(paidAt, -rng.intBetween(1, 6) * MINUTE) : paidAt;
  const desk = context.world.staffOf(draft.agency.id).desk;
  return {
    agencyCode: draft.agency.code,
    linesPaid: due.length,
    line: null,
    row: {
      id: rng.uuid(),
      dossier_id: draft.id,
      provider: online ? 'vnpay' : 'desk',
      method: online ? 'online' : rng.chance(0.75) ? 'cash' : 'card',
      agency_id: draft.agency.id,
      // As the payments code makes them: 80 random bits, letters and digits.
      txn_ref: online ? rng.hex(10) : `DESK${rng.hex(10)}`,
      amount,
      status: 'paid',
      created_at: createdAt.toISOString(),
      expires_at: online ? later(createdAt, 15 * MINUTE).toISOString() : null,
      paid_at: paidAt.toISOString(),
      provider_transaction: online ? rng.digits(8) : null,
      bank_code: online ? rng.pick(BANKS) : null,
      receipt_number: '',
      receipt_year: 0,
      receipt_seq: 0,
      taken_by: online ? null : desk.id,
    },
  };
}

function paymentEvent(payment: PaymentDraft, desk: DemoActor): Omit<LifeEvent, 'at'> {
  const online = payment.row.provider === 'vnpay';
  return {
    action: 'fee_paid',
    status: null,
    agencyId: payment.row.agency_id,
    // A payment online is confirmed by the provider's notification: nobody signed in.
    actor: online ? null : desk,
    payment,
  };
}

const fileNames = new Map<string, string>();

/**
 * "Giấy chứng sinh.pdf" from "Giấy chứng sinh (bản chính) hoặc…": the name of a document
 * as people read it, cleaned as uploads are (the procedures' titles repeat: kept).
 */
function documentFileName(title: string): string {
  let name = fileNames.get(title);
  if (name === undefined) {
    const cut = title.split(/[(,;:]/)[0]!.trim();
    name = sanitiseFileName(Array.from(cut).slice(0, 80).join('').trim() || 'Tài liệu', 'pdf');
    fileNames.set(title, name);
  }
  return name;
}
