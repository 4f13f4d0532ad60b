/**
 * The service-quality index of Decision 766/QĐ-TTg (Bộ chỉ số chỉ đạo, điều hành và đánh giá
 * chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công
 * theo thời gian thực trên môi trường điện tử) as pure arithmetic on counts: each indicator's
 * ratio, its points, the groups' and the overall score. The counts come from
 * index-counts.queries.ts; docs/dossiers-766-index.md explains every choice made here.
 *
 * Six groups, 100 points: publicity 18, progress 20, online services 12, online payment 10
 * (the Decision's "cung cấp dịch vụ trực tuyến", 22, as the national portal shows it in two),
 * digitisation 22, satisfaction 18. An indicator's points are its maximum times its ratio,
 * or times ratio ÷ target where the Decision gives full marks from a target. Two kinds of
 * indicator score nothing and are left out of the measured maximum: those the platform holds
 * no data for (the catalog's publication in the national database, complaints handled
 * outside the dossiers), and those with nothing to count in the period (no dossier with
 * fees, say). The score out of 100 is the points over that measured maximum.
 */

/** Counts of one agency (or the sum over several) for one period. All are additive. */
export interface IndexCounts {
  /** Dossiers submitted in the period (online or at the desk): the period's intake. */
  intake: number;
  /** Of the intake, those whose current status is on their public timeline. */
  intakeShown: number;
  /** Of the intake, those of procedures offered online (a TRUC_TUYEN channel). */
  intakeOfOnlineProcedures: number;
  /** Of those, the ones submitted online. */
  intakeOnline: number;
  /** Of the intake, the electronic ones: online, or with a document scanned or reused. */
  intakeDigitised: number;
  /** Of the intake, those with at least one document reused from earlier dossiers. */
  intakeReused: number;
  /** Of the intake, those owing fees (an assessed fee above zero, not waived). */
  intakeWithFees: number;
  /** Of those, the ones paid through an online gateway. */
  intakeWithFeesPaidOnline: number;
  /** Procedures with intake at the agency: a procedure counts once per agency running it. */
  procedures: number;
  /** Of those, offered online throughout (TOAN_TRINH with a TRUC_TUYEN channel). */
  proceduresFullyOnline: number;
  /** Of those, offered online at all (a TRUC_TUYEN channel). */
  proceduresOnline: number;
  /** Of the ones offered online, those with at least one dossier submitted online. */
  proceduresWithOnlineDossiers: number;
  /** Procedures with at least one dossier owing fees. */
  proceduresWithFees: number;
  /** Of those, the ones offered online, where the portal takes the payment. */
  proceduresWithFeesOnline: number;
  /** Of those with fees, the ones with at least one dossier paid online. */
  proceduresWithFeesPaidOnline: number;
  /** Dossiers resolved in the period (finished, status resolved or returned). */
  resolved: number;
  /** Of those, finished no later than their first appointment. */
  resolvedOnTime: number;
  /** Of those resolved, with the result on file. */
  resolvedWithResultFile: number;
  /** Of those resolved, with a digitally signed result. */
  resolvedSigned: number;
  /** Of those resolved, the ones the applicant rated. */
  resolvedRated: number;
  /** Of those resolved, rated dissatisfied (1 or 2 of 5), late, or both. */
  resolvedDissatisfiedOrLate: number;
  /** Received, not finished at the end of the period (or now), and past the appointment. */
  openLate: number;
}

export const COUNT_FIELDS = [
  'intake',
  'intakeShown',
  'intakeOfOnlineProcedures',
  'intakeOnline',
  'intakeDigitised',
  'intakeReused',
  'intakeWithFees',
  'intakeWithFeesPaidOnline',
  'procedures',
  'proceduresFullyOnline',
  'proceduresOnline',
  'proceduresWithOnlineDossiers',
  'proceduresWithFees',
  'proceduresWithFeesOnline',
  'proceduresWithFeesPaidOnline',
  'resolved',
  'resolvedOnTime',
  'resolvedWithResultFile',
  'resolvedSigned',
  'resolvedRated',
  'resolvedDissatisfiedOrLate',
  'openLate',
] as const satisfies ReadonlyArray<keyof IndexCounts>;

export function zeroCounts(): IndexCounts {
  return Object.fromEntries(COUNT_FIELDS.map((field) => [field, 0])) as unknown as IndexCounts;
}

/**
 * The counts of several agencies together. The province's figure is computed from the sum
 * of its agencies' counts (every dossier weighs the same), not as a mean of their scores.
 */
export function sumCounts(all: readonly IndexCounts[]): IndexCounts {
  const total = zeroCounts();
  for (const counts of all) for (const field of COUNT_FIELDS) total[field] += counts[field];
  return total;
}

export type GroupCode =
  'publicity' | 'progress' | 'online' | 'payment' | 'digitisation' | 'satisfaction';

export interface LocalText {
  vi: string;
  en: string;
}

interface IndicatorDefinition {
  code: string;
  group: GroupCode;
  max: number;
  name: LocalText;
  formula: LocalText;
  /** The ratio's parts; absent for indicators the platform holds no data for. */
  ratio?: (counts: IndexCounts) => { numerator: number; denominator: number };
  /** Full marks from this share, by the period's year; full marks at 100% when absent. */
  target?: (year: number) => number;
}

export const GROUPS: ReadonlyArray<{ code: GroupCode; max: number; name: LocalText }> = [
  { code: 'publicity', max: 18, name: { vi: 'Công khai, minh bạch', en: 'Publicity' } },
  {
    code: 'progress',
    max: 20,
    name: { vi: 'Tiến độ, kết quả giải quyết', en: 'Progress of resolution' },
  },
  { code: 'online', max: 12, name: { vi: 'Dịch vụ trực tuyến', en: 'Online services' } },
  { code: 'payment', max: 10, name: { vi: 'Thanh toán trực tuyến', en: 'Online payment' } },
  { code: 'digitisation', max: 22, name: { vi: 'Số hóa hồ sơ', en: 'Digitisation' } },
  { code: 'satisfaction', max: 18, name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' } },
];

/**
 * Resolution 76/NQ-CP (the state administrative reform programme 2021–2030) sets the
 * satisfaction of people and businesses with the handling of procedures at 90% or more by
 * 2025 and 95% or more by 2030; the Decision gives the indicator its full 6 points when the
 * target of the stage is met.
 */
export function satisfactionTarget(year: number): number {
  return year <= 2025 ? 0.9 : 0.95;
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'procedures_published_on_time',
    group: 'publicity',
    max: 4,
    name: {
      vi: 'Tỷ lệ TTHC được công bố, công khai đúng hạn',
      en: 'Procedures published on time',
    },
    formula: {
      vi: 'Số TTHC được công bố, công khai đúng hạn / Tổng số TTHC phải công bố × 100%. Việc công bố thực hiện trên Cơ sở dữ liệu quốc gia về TTHC; nền tảng không có dữ liệu này nên không chấm.',
      en: 'Procedures published on time / procedures to publish × 100%. Publication happens in the National Database on Administrative Procedures; the platform holds no such data and does not score it.',
    },
  },
  {
    code: 'progress_published',
    group: 'publicity',
    max: 14,
    name: {
      vi: 'Tỷ lệ hồ sơ được công khai tiến độ giải quyết',
      en: 'Dossiers whose progress is public',
    },
    formula: {
      vi: 'Số hồ sơ tiếp nhận trong kỳ có trạng thái hiện tại được công khai trên trang tra cứu hồ sơ / Tổng số hồ sơ tiếp nhận trong kỳ × 100%',
      en: 'Dossiers submitted in the period whose current status is shown on their public tracking timeline / dossiers submitted in the period × 100%',
    },
    ratio: (c) => ({ numerator: c.intakeShown, denominator: c.intake }),
  },
  {
    code: 'on_time',
    group: 'progress',
    max: 20,
    name: { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved on time' },
    formula: {
      vi: 'Số hồ sơ giải quyết trong kỳ đúng hoặc trước hạn / (Số hồ sơ giải quyết trong kỳ + Số hồ sơ chưa giải quyết đã quá hạn tại cuối kỳ) × 100%. Hạn là ngày hẹn trả đầu tiên (trước thư xin lỗi, nếu có).',
      en: 'Dossiers resolved in the period on or before their appointment / (dossiers resolved in the period + dossiers still open and past their appointment at the end of the period) × 100%. The appointment is the first one given (before any apology letter).',
    },
    ratio: (c) => ({ numerator: c.resolvedOnTime, denominator: c.resolved + c.openLate }),
  },
  {
    code: 'procedures_fully_online',
    group: 'online',
    max: 2,
    name: {
      vi: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình',
      en: 'Procedures offered fully online',
    },
    formula: {
      vi: 'Số TTHC có phát sinh hồ sơ trong kỳ được cung cấp trực tuyến toàn trình / Tổng số TTHC có phát sinh hồ sơ trong kỳ × 100% (mỗi TTHC tính một lần cho mỗi cơ quan tiếp nhận)',
      en: 'Procedures with dossiers in the period that are offered fully online / procedures with dossiers in the period × 100% (a procedure counts once per receiving agency)',
    },
    ratio: (c) => ({ numerator: c.proceduresFullyOnline, denominator: c.procedures }),
  },
  {
    code: 'procedures_with_online_dossiers',
    group: 'online',
    max: 4,
    name: {
      vi: 'Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến',
      en: 'Online procedures with online dossiers',
    },
    formula: {
      vi: 'Số TTHC cung cấp trực tuyến có ít nhất một hồ sơ nộp trực tuyến trong kỳ / Tổng số TTHC cung cấp trực tuyến có phát sinh hồ sơ trong kỳ × 100%',
      en: 'Procedures offered online with at least one dossier submitted online in the period / procedures offered online with dossiers in the period × 100%',
    },
    ratio: (c) => ({
      numerator: c.proceduresWithOnlineDossiers,
      denominator: c.proceduresOnline,
    }),
  },
  {
    code: 'online_dossiers',
    group: 'online',
    max: 6,
    name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Dossiers submitted online' },
    formula: {
      vi: 'Số hồ sơ nộp trực tuyến trong kỳ / Tổng số hồ sơ tiếp nhận trong kỳ của các TTHC cung cấp trực tuyến × 100%',
      en: 'Dossiers submitted online in the period / dossiers submitted in the period for procedures offered online × 100%',
    },
    ratio: (c) => ({ numerator: c.intakeOnline, denominator: c.intakeOfOnlineProcedures }),
  },
  {
    code: 'fee_procedures_payable_online',
    group: 'payment',
    max: 2,
    name: {
      vi: 'Tỷ lệ TTHC có thu phí, lệ phí được thanh toán trực tuyến',
      en: 'Procedures with fees payable online',
    },
    formula: {
      vi: 'Số TTHC có hồ sơ phải nộp phí, lệ phí trong kỳ được cung cấp thanh toán trực tuyến / Tổng số TTHC có hồ sơ phải nộp phí, lệ phí trong kỳ × 100%',
      en: 'Procedures with dossiers owing fees in the period whose fees can be paid online / procedures with dossiers owing fees in the period × 100%',
    },
    ratio: (c) => ({
      numerator: c.proceduresWithFeesOnline,
      denominator: c.proceduresWithFees,
    }),
  },
  {
    code: 'fee_procedures_paid_online',
    group: 'payment',
    max: 2,
    name: {
      vi: 'Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến',
      en: 'Procedures with online payments',
    },
    formula: {
      vi: 'Số TTHC có ít nhất một hồ sơ trong kỳ được thanh toán trực tuyến / Tổng số TTHC có hồ sơ phải nộp phí, lệ phí trong kỳ × 100%',
      en: 'Procedures with at least one dossier of the period paid online / procedures with dossiers owing fees in the period × 100%',
    },
    ratio: (c) => ({
      numerator: c.proceduresWithFeesPaidOnline,
      denominator: c.proceduresWithFees,
    }),
  },
  {
    code: 'dossiers_paid_online',
    group: 'payment',
    max: 6,
    name: { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
    formula: {
      vi: 'Số hồ sơ tiếp nhận trong kỳ đã nộp phí, lệ phí qua cổng thanh toán trực tuyến / Tổng số hồ sơ tiếp nhận trong kỳ phải nộp phí, lệ phí × 100%',
      en: 'Dossiers submitted in the period whose fees were paid through an online gateway / dossiers submitted in the period owing fees × 100%',
    },
    ratio: (c) => ({
      numerator: c.intakeWithFeesPaidOnline,
      denominator: c.intakeWithFees,
    }),
  },
  {
    code: 'dossiers_digitised',
    group: 'digitisation',
    max: 6,
    name: { vi: 'Tỷ lệ số hóa hồ sơ TTHC', en: 'Dossiers digitised' },
    formula: {
      vi: 'Số hồ sơ tiếp nhận trong kỳ ở dạng điện tử (nộp trực tuyến; nộp trực tiếp hoặc qua bưu chính mà thành phần hồ sơ đã được scan hoặc sử dụng lại từ dữ liệu số hóa) / Tổng số hồ sơ tiếp nhận trong kỳ × 100%',
      en: 'Dossiers submitted in the period that are electronic (submitted online; or at the desk or by post with a document scanned or reused from digitised data) / dossiers submitted in the period × 100%',
    },
    ratio: (c) => ({ numerator: c.intakeDigitised, denominator: c.intake }),
  },
  {
    code: 'results_digitised',
    group: 'digitisation',
    max: 6,
    name: { vi: 'Tỷ lệ số hóa kết quả giải quyết TTHC', en: 'Results digitised' },
    formula: {
      vi: 'Số hồ sơ giải quyết trong kỳ có kết quả được lưu bản điện tử / Tổng số hồ sơ giải quyết trong kỳ × 100%',
      en: 'Dossiers resolved in the period with the result kept electronically / dossiers resolved in the period × 100%',
    },
    ratio: (c) => ({ numerator: c.resolvedWithResultFile, denominator: c.resolved }),
  },
  {
    code: 'results_electronic',
    group: 'digitisation',
    max: 6,
    name: {
      vi: 'Tỷ lệ cấp kết quả giải quyết TTHC điện tử',
      en: 'Electronic results issued',
    },
    formula: {
      vi: 'Số hồ sơ giải quyết trong kỳ có kết quả điện tử được ký số / Tổng số hồ sơ giải quyết trong kỳ × 100%',
      en: 'Dossiers resolved in the period whose result is a digitally signed electronic document / dossiers resolved in the period × 100%',
    },
    ratio: (c) => ({ numerator: c.resolvedSigned, denominator: c.resolved }),
  },
  {
    code: 'data_reused',
    group: 'digitisation',
    max: 4,
    name: {
      vi: 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa',
      en: 'Digitised data reused',
    },
    formula: {
      vi: 'Số hồ sơ tiếp nhận trong kỳ có thành phần hồ sơ được sử dụng lại từ dữ liệu đã số hóa / Tổng số hồ sơ tiếp nhận trong kỳ × 100%',
      en: 'Dossiers submitted in the period with a document reused from digitised data / dossiers submitted in the period × 100%',
    },
    ratio: (c) => ({ numerator: c.intakeReused, denominator: c.intake }),
  },
  {
    code: 'complaints_on_time',
    group: 'satisfaction',
    max: 6,
    name: {
      vi: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn',
      en: 'Complaints handled on time',
    },
    formula: {
      vi: 'Tổng số phản ánh, kiến nghị xử lý đúng hoặc trước hạn / Tổng số phản ánh, kiến nghị thuộc thẩm quyền tiếp nhận, xử lý × 100%. Phản ánh, kiến nghị về quy định hành chính không nằm trong dữ liệu hồ sơ nên không chấm.',
      en: 'Complaints and petitions handled on or before time / complaints and petitions within competence × 100%. Complaints about administrative regulations are not part of the dossiers’ data and are not scored.',
    },
  },
  {
    code: 'complaints_satisfied',
    group: 'satisfaction',
    max: 6,
    name: {
      vi: 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị',
      en: 'Satisfaction with complaint handling',
    },
    formula: {
      vi: '(Tổng số phản ánh, kiến nghị − Số bị phản hồi không hài lòng hoặc xử lý quá hạn) / Tổng số phản ánh, kiến nghị × 100%. Không nằm trong dữ liệu hồ sơ nên không chấm.',
      en: '(Complaints and petitions − those answered with dissatisfaction or handled late) / complaints and petitions × 100%. Not part of the dossiers’ data; not scored.',
    },
  },
  {
    code: 'procedures_satisfied',
    group: 'satisfaction',
    max: 6,
    name: {
      vi: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC',
      en: 'Satisfaction with the handling of dossiers',
    },
    formula: {
      vi: '(Tổng số hồ sơ giải quyết trong kỳ − Số hồ sơ bị đánh giá không hài lòng (1–2 trên 5) hoặc giải quyết quá hạn) / Tổng số hồ sơ giải quyết trong kỳ × 100%. Đạt mục tiêu của Nghị quyết 76/NQ-CP (90% đến 2025, 95% từ 2026) được điểm tối đa.',
      en: '(Dossiers resolved in the period − those rated dissatisfied (1–2 of 5) or resolved late) / dossiers resolved in the period × 100%. Full points from the target of Resolution 76/NQ-CP (90% to 2025, 95% from 2026).',
    },
    ratio: (c) => ({
      numerator: c.resolved - c.resolvedDissatisfiedOrLate,
      denominator: c.resolved,
    }),
    target: satisfactionTarget,
  },
];

export type IndicatorStatus = 'measured' | 'no_data' | 'not_measured';

export interface IndicatorResult {
  code: string;
  group: GroupCode;
  name: LocalText;
  formula: LocalText;
  /** measured; no_data: nothing to count in the period; not_measured: no data on the platform. */
  status: IndicatorStatus;
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator, 0–1, four decimals. */
  value: number | null;
  /** The share from which the indicator earns its maximum. */
  target: number;
  /** Two decimals. */
  points: number | null;
  max: number;
}

export interface GroupResult {
  code: GroupCode;
  name: LocalText;
  points: number;
  /** The Decision's maximum for the group. */
  max: number;
  /** The maximum of the indicators scored this period. */
  measuredMax: number;
  indicators: IndicatorResult[];
}

export interface IndexResult {
  points: number;
  max: number;
  measuredMax: number;
  /** points × 100 / measuredMax, two decimals; null when nothing was measured. */
  score: number | null;
  groups: GroupResult[];
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
};

/** numerator / denominator as a share with four decimals; null when there is nothing to divide. */
export function shareOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round(numerator / denominator, 4) : null;
}

/** Every indicator, group and the overall score of one set of counts. */
export function computeIndex(counts: IndexCounts, year: number): IndexResult {
  let total = 0;
  let measuredMax = 0;
  const groups = GROUPS.map((group): GroupResult => {
    let groupRaw = 0;
    let groupMeasured = 0;
    const indicators = INDICATORS.filter((d) => d.group === group.code).map((definition) => {
      const { raw, result } = indicatorResult(definition, counts, year);
      if (result.status === 'measured') {
        groupRaw += raw;
        groupMeasured += definition.max;
      }
      return result;
    });
    total += groupRaw;
    measuredMax += groupMeasured;
    return {
      code: group.code,
      name: group.name,
      points: round(groupRaw, 2),
      max: group.max,
      measuredMax: groupMeasured,
      indicators,
    };
  });
  return {
    points: round(total, 2),
    max: 100,
    measuredMax,
    score: measuredMax > 0 ? round((total * 100) / measuredMax, 2) : null,
    groups,
  };
}

function indicatorResult(
  definition: IndicatorDefinition,
  counts: IndexCounts,
  year: number,
): { raw: number; result: IndicatorResult } {
  const target = definition.target?.(year) ?? 1;
  const base = {
    code: definition.code,
    group: definition.group,
    name: definition.name,
    formula: definition.formula,
    target,
    max: definition.max,
  };
  if (!definition.ratio) {
    return {
      raw: 0,
      result: {
        ...base,
        status: 'not_measured',
        numerator: null,
        denominator: null,
        value: null,
        points: null,
      },
    };
  }
  const { numerator, denominator } = definition.ratio(counts);
  if (denominator <= 0) {
    return {
      raw: 0,
      result: { ...base, status: 'no_data', numerator, denominator, value: null, points: null },
    };
  }
  const share = numerator / denominator;
  const raw = definition.max * Math.min(1, share / target);
  return {
    raw,
    result: {
      ...base,
      status: 'measured',
      numerator,
      denominator,
      value: shareOf(numerator, denominator),
      points: round(raw, 2),
    },
  };
}
