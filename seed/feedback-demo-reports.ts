/**
 * A year of Quảng Ninh demo citizen reports up to a given instant, deterministic from a seed:
 * the same seed, `now` and database content give the same reports, tracking codes included.
 *
 * Shape of the year (demo weights, not statistics): more reports in the populous wards of
 * Hạ Long, Cẩm Phả, Uông Bí and Móng Cái than in mountain communes and islands; flooding
 * peaks in the rainy season (July–September), tourism and beach reports in summer; fewer
 * reports at weekends and on public holidays; citizens write in the morning and the evening,
 * security and noise reports come late. Points are drawn inside the commune's boundary
 * (PostGIS ST_GeneratePoints). Each report then lives its life on the working calendar:
 * received, perhaps transferred, assigned, started, answered and resolved — about 85% within
 * the deadline — or rejected, or marked as a duplicate of an earlier report of the same
 * place; some are rated, a few reopened, and overdue ones are escalated to the provincial
 * People's Committee. What lies after `now` is cut off, so recent reports are still open.
 *
 * Writing is set-based: rows go in batches of a thousand as one JSON parameter each
 * (json_to_recordset), inside one transaction, and the next batch is drawn while the
 * database writes the last one; so the same function loads the default 6,000 reports on the
 * embedded database at start-up and a million on PostgreSQL for a benchmark.
 *
 * Needs the administrative units, the demo agencies and the categories
 * (seed/feedback-categories.ts). Staff accounts and the demo citizen are used when present.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/kernel/db/database';
import {
  DEFAULT_TIMEZONE,
  DEFAULT_WORKING_HOURS,
  loadWorkingCalendar,
  type CalendarSettings,
  type WorkingCalendar,
} from '../src/kernel/calendar';
import type { FeedbackTables } from '../src/modules/feedback';
// The module's own code generator, so demo codes have exactly the shape of real ones.
import { newTrackingCode } from '../src/modules/feedback';
import {
  communeCommitteeSql,
  routingMatrix,
  type AnswerTemplate,
  type CategoryAttribute,
  type FeedbackDb,
} from './feedback-categories';
import { DEMO_PROVINCE_COMMITTEE_CODE } from './quang-ninh-agencies';

type Report = FeedbackTables['feedbackReport'];
type ReportStatus = Report['status'];
type ReportSource = Report['source'];
type Rating = NonNullable<Report['rating']>;
type HistoryActorType = FeedbackTables['feedbackHistory']['actorType'];
type HistoryVisibility = FeedbackTables['feedbackHistory']['visibility'];

export const QUANG_NINH_PROVINCE_CODE = '22';
export const DEFAULT_DEMO_REPORTS = 6000;
export const DEFAULT_DEMO_SEED = 2026;
/** Rows per INSERT. */
const BATCH = 1000;

export interface FeedbackDemoOptions {
  /** The end of the demo year: nothing happens after it. */
  now: Date;
  count?: number;
  seed?: number;
  /** Time zone and working hours of the calendar; the platform's defaults otherwise. */
  calendar?: CalendarSettings;
}

export interface FeedbackDemoResult {
  reports: number;
  historyRows: number;
  /** True when reports were already there, so nothing was loaded. */
  skipped: boolean;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year: submission times are laid out on that clock. */
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
const DAYS = 365;
/**
 * Overdue reports are escalated once they are late by as long again as their deadline
 * allowed, and at least this many working hours.
 */
const MIN_ESCALATION_GRACE_HOURS = 8;
/** A not-satisfied rating reopens a report within this time of its closure (as the module does). */
const REOPEN_WINDOW_MS = 7 * DAY_MS;

// ————————————————————————————————————————— randomness

/** sfc32 seeded through splitmix32: small, fast, and the same sequence on every platform. */
class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const split = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i += 1) this.next();
  }

  /** In [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** An index drawn from cumulative weights. */
  weighted(cumulative: Float64Array): number {
    const target = this.next() * cumulative[cumulative.length - 1]!;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

function cumulate(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += Math.max(0, w);
    out[i] = sum;
  });
  return out;
}

// ————————————————————————————————————————— where and when (demo weights, not statistics)

/** Relative volume of reports per commune-level unit: urban cores first, islands last. */
const COMMUNE_WEIGHT: Readonly<Record<string, number>> = {
  // Hạ Long
  '06685': 10, // Hồng Gai
  '06688': 10, // Hạ Long
  '06673': 9, // Bãi Cháy
  '06676': 7, // Hà Lầm
  '06658': 7, // Cao Xanh
  '06652': 6, // Hà Tu
  '06661': 5, // Việt Hưng
  '06706': 4, // Tuần Châu
  '07030': 4, // Hoành Bồ
  // Cẩm Phả
  '06793': 9, // Cẩm Phả
  '06778': 6, // Quang Hanh
  '06781': 6, // Cửa Ông
  '06760': 4, // Mông Dương
  // Uông Bí
  '06811': 8, // Uông Bí
  '06820': 4, // Vàng Danh
  '06832': 3, // Yên Tử
  // Móng Cái
  '06712': 7, // Móng Cái 1
  '06709': 5, // Móng Cái 2
  '06736': 4, // Móng Cái 3
  // Đông Triều, Quảng Yên
  '07093': 5, // Đông Triều
  '07069': 5, // Mạo Khê
  '07081': 3, // Bình Khê
  '07090': 3, // An Sinh
  '07114': 3, // Hoàng Quế
  '07132': 5, // Quảng Yên
  '07135': 3, // Đông Mai
  '07147': 3, // Hiệp Hoà
  '07168': 3, // Hà An
  '07180': 2, // Liên Hoà
  '07183': 3, // Phong Cốc
  // Special zones and the larger rural communes
  '06994': 3, // Vân Đồn
  '07192': 1, // Cô Tô
  '06862': 2, // Tiên Yên
  '06895': 2, // Đầm Hà
  '06922': 2, // Quảng Hà
  '06838': 1.5, // Bình Liêu
  '06978': 1.5, // Ba Chẽ
};
const DEFAULT_WEIGHT_BY_KIND: Readonly<Record<string, number>> = {
  ward: 3,
  commune: 1,
  special_zone: 1.5,
};

/** Where visitors are: tourism reports follow them, not the residents. */
const TOURIST_WEIGHT: Readonly<Record<string, number>> = {
  '06673': 10, // Bãi Cháy
  '07192': 8, // Cô Tô
  '06706': 7, // Tuần Châu
  '06994': 7, // Vân Đồn
  '06832': 5, // Yên Tử
  '06685': 4, // Hồng Gai
  '06688': 4, // Hạ Long
  '06736': 3, // Móng Cái 3
  '06712': 2, // Móng Cái 1
  '06778': 2, // Quang Hanh
};

/** Units on the sea: beach and bay reports come from here only. */
const COASTAL_WEIGHT: Readonly<Record<string, number>> = {
  '06673': 9, // Bãi Cháy
  '07192': 8, // Cô Tô
  '06706': 7, // Tuần Châu
  '06994': 7, // Vân Đồn
  '06688': 4, // Hạ Long
  '06685': 3, // Hồng Gai
  '06736': 3, // Móng Cái 3
  '06778': 1.5, // Quang Hanh
  '06793': 1, // Cẩm Phả
  '06781': 1, // Cửa Ông
  '06799': 1, // Hải Hoà
  '07180': 1, // Liên Hoà
  '07183': 1, // Phong Cốc
  '07168': 1, // Hà An
  '06862': 0.5, // Tiên Yên
  '06895': 0.5, // Đầm Hà
  '06922': 0.5, // Quảng Hà
  '06946': 0.5, // Đường Hoa
};

/** Coal mining and haulage areas: more dust and wastewater. */
const COAL_AREAS: ReadonlySet<string> = new Set([
  '06652',
  '06658',
  '06676',
  '06760',
  '06781',
  '06793',
  '06778',
  '06820',
]);

type Place = 'population' | 'tourists' | 'coast' | 'coal' | 'rural' | 'urban' | 'remote';
type HourProfile = 'day' | 'evening' | 'night';

interface CategoryProfile {
  /** Share of all reports, before seasons. */
  share: number;
  /** Multiplier per month, January first. */
  season: readonly number[];
  hours: HourProfile;
  place: Place;
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const;

const CATEGORY_PROFILES: Readonly<Record<string, CategoryProfile>> = {
  streetlight: {
    share: 12,
    season: [1.2, 1.1, 1, 0.9, 0.9, 0.9, 0.9, 0.9, 1, 1.1, 1.2, 1.2],
    hours: 'evening',
    place: 'population',
  },
  road_pavement: {
    share: 12,
    season: [0.9, 0.9, 0.9, 0.9, 1, 1.1, 1.2, 1.3, 1.2, 1, 0.9, 0.9],
    hours: 'day',
    place: 'population',
  },
  flooding_drainage: {
    share: 8,
    season: [0.2, 0.2, 0.3, 0.5, 1, 1.6, 2.6, 3, 2.6, 1.2, 0.4, 0.2],
    hours: 'day',
    place: 'population',
  },
  waste_dumping: {
    share: 13,
    season: [1.2, 1.3, 1, 1, 1, 1.1, 1.1, 1, 1, 1, 1, 1.1],
    hours: 'day',
    place: 'population',
  },
  trees: {
    share: 5,
    season: [0.7, 0.6, 0.7, 0.8, 1, 1.2, 1.6, 1.8, 1.8, 1.2, 0.8, 0.7],
    hours: 'day',
    place: 'population',
  },
  traffic_safety: { share: 8, season: FLAT, hours: 'day', place: 'urban' },
  construction_order: {
    share: 8,
    season: [0.8, 0.6, 1.1, 1.1, 1.1, 1, 1, 1, 1, 1.1, 1.1, 1.1],
    hours: 'day',
    place: 'urban',
  },
  environment_pollution: {
    share: 6,
    season: [1.2, 1.1, 1, 0.9, 0.9, 0.9, 0.9, 0.9, 1, 1.1, 1.2, 1.2],
    hours: 'day',
    place: 'coal',
  },
  public_security: { share: 5, season: FLAT, hours: 'night', place: 'population' },
  tourism_services: {
    share: 4,
    season: [0.8, 1.1, 0.9, 0.9, 1.4, 2, 2.2, 1.8, 0.9, 0.7, 0.6, 0.7],
    hours: 'evening',
    place: 'tourists',
  },
  beach_bay: {
    share: 3,
    season: [0.3, 0.4, 0.5, 0.8, 1.5, 2.3, 2.6, 2.2, 1, 0.6, 0.4, 0.3],
    hours: 'day',
    place: 'coast',
  },
  water_supply: {
    share: 5,
    season: [0.8, 0.9, 1.1, 1.3, 1.5, 1.4, 1.2, 1, 0.9, 0.8, 0.8, 0.8],
    hours: 'day',
    place: 'population',
  },
  power_outage: {
    share: 4,
    season: [0.8, 0.7, 0.8, 1, 1.3, 1.6, 1.6, 1.5, 1.3, 0.9, 0.8, 0.8],
    hours: 'evening',
    place: 'remote',
  },
  noise: {
    share: 5,
    season: [1, 1.2, 1, 1, 1, 1.1, 1.1, 1, 1, 1, 1, 1.2],
    hours: 'night',
    place: 'urban',
  },
  animal_disease: {
    share: 3,
    season: [0.7, 0.8, 0.9, 0.9, 1, 1.1, 1.3, 1.4, 1.4, 1.2, 0.9, 0.8],
    hours: 'day',
    place: 'rural',
  },
  other: { share: 4, season: FLAT, hours: 'day', place: 'population' },
};
const DEFAULT_PROFILE: CategoryProfile = {
  share: 3,
  season: FLAT,
  hours: 'day',
  place: 'population',
};

/** Reports per local hour of the day (0–23). */
const HOUR_WEIGHTS: Readonly<Record<HourProfile, readonly number[]>> = {
  day: [
    0.3, 0.2, 0.1, 0.1, 0.1, 0.3, 1, 2, 3, 3, 2.6, 2, 1.4, 1.6, 2.4, 2.6, 2.4, 2, 2, 2.2, 2, 1.6, 1,
    0.6,
  ],
  evening: [
    0.4, 0.2, 0.1, 0.1, 0.1, 0.3, 1, 1.6, 2, 2, 1.8, 1.4, 1, 1.2, 1.6, 1.8, 1.8, 2, 2.6, 3.2, 3.2,
    2.6, 1.6, 0.8,
  ],
  night: [
    1.5, 1.2, 0.8, 0.4, 0.2, 0.2, 0.4, 0.8, 1.2, 1.2, 1.2, 1, 1, 1, 1.2, 1.2, 1.2, 1.4, 1.8, 2.4,
    2.8, 3, 2.8, 2.2,
  ],
};

/** Monday first (ISO). People write less at weekends. */
const WEEKDAY_WEIGHT = [1.15, 1.05, 1, 1, 0.95, 0.75, 0.7];
const HOLIDAY_WEIGHT = 0.6;

// ————————————————————————————————————————— words

const FAMILY_NAMES = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Phan',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Hà',
  'Lương',
];
const MALE_MIDDLE = ['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Xuân', 'Ngọc'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Thùy', 'Hồng'];
const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Nam',
  'Long',
  'Hải',
  'Sơn',
  'Thắng',
  'Cường',
  'Quân',
  'Hiếu',
  'Khoa',
  'Phong',
  'Trung',
  'Bình',
  'Đạt',
  'Huy',
  'Kiên',
];
const FEMALE_GIVEN = [
  'Lan',
  'Hương',
  'Hoa',
  'Mai',
  'Hạnh',
  'Linh',
  'Thảo',
  'Trang',
  'Nga',
  'Huyền',
  'Yến',
  'Ngân',
  'Phương',
  'Vân',
  'Hằng',
  'Dung',
];
/** Reserved for examples (RFC 2606, RFC 6761): no real mailbox can be reached. */
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'thudientu.example'];

const STREETS = [
  'Trần Hưng Đạo',
  'Lê Lợi',
  'Nguyễn Trãi',
  'Trần Phú',
  'Hùng Vương',
  'Lê Thánh Tông',
  'Lý Thường Kiệt',
  'Nguyễn Văn Cừ',
  'Quang Trung',
  'Bạch Đằng',
  'Hai Bà Trưng',
  'Ngô Quyền',
  'Nguyễn Du',
  'Trần Quốc Tuấn',
  'Lê Hồng Phong',
  'Phan Đình Phùng',
  'Tô Hiến Thành',
  'Võ Thị Sáu',
  'Lê Quý Đôn',
  'Cao Thắng',
  'Nguyễn Huệ',
  'Hoàng Quốc Việt',
];
const LANDMARKS = [
  'gần chợ',
  'trước cổng trường tiểu học',
  'gần trạm y tế',
  'cạnh nhà văn hóa khu',
  'gần ngã ba',
  'gần bến xe',
  'trước cổng trường trung học cơ sở',
  'gần công viên',
  'cạnh sân thể thao',
];
const HAMLETS = [
  'Tân Lập',
  'Đồng Tâm',
  'Bắc Sơn',
  'Trung Tâm',
  'Nam Sơn',
  'Đông Hải',
  'Tân Tiến',
  'Thống Nhất',
  'Quyết Thắng',
  'Hợp Thành',
  'Khe Mới',
  'Làng Đài',
];
const SINCE = [
  'mấy hôm nay',
  'gần một tuần nay',
  'từ đầu tháng đến giờ',
  'đã hơn hai tuần',
  'từ sau trận mưa vừa rồi',
  'cả tháng nay',
];
const REQUESTS = [
  'Đề nghị cơ quan chức năng sớm kiểm tra, xử lý.',
  'Mong chính quyền sớm khắc phục.',
  'Kính đề nghị các cơ quan chức năng xem xét, giải quyết.',
  'Rất mong được xử lý sớm.',
  'Đề nghị kiểm tra và có biện pháp xử lý dứt điểm.',
];

interface Spot {
  /** Prepositional phrase for the description, e.g. "trước số nhà 45 đường Lê Lợi". */
  phrase: string;
  /** The address column, e.g. "Số 45 đường Lê Lợi, phường Hạ Long". */
  address: string;
}

function spotIn(rng: Random, commune: CommuneInfo, seaPlace: string | undefined): Spot {
  const unit = commune.label;
  if (seaPlace !== undefined) {
    const sea: Record<string, [string, string]> = {
      beach: ['tại bãi tắm', 'Khu vực bãi tắm'],
      bay: ['trên vịnh, cách bờ khoảng một cây số', 'Khu vực vịnh'],
      pier: ['tại bến tàu du lịch', 'Khu vực bến tàu'],
      island: ['tại bãi biển trên đảo', 'Khu vực đảo'],
    };
    const [phrase, address] = sea[seaPlace] ?? sea.beach!;
    return { phrase, address: `${address}, ${unit}` };
  }
  const rural = commune.kind === 'commune' || (commune.kind === 'special_zone' && rng.chance(0.4));
  if (rural) {
    const hamlet = rng.pick(HAMLETS);
    switch (rng.int(3)) {
      case 0:
        return { phrase: `tại thôn ${hamlet}`, address: `Thôn ${hamlet}, ${unit}` };
      case 1: {
        const other = rng.pick(HAMLETS.filter((h) => h !== hamlet));
        return {
          phrase: `trên đường liên thôn ${hamlet} – ${other}`,
          address: `Đường liên thôn ${hamlet} – ${other}, ${unit}`,
        };
      }
      default:
        return { phrase: `gần nhà văn hóa thôn ${hamlet}`, address: `Thôn ${hamlet}, ${unit}` };
    }
  }
  const street = rng.pick(STREETS);
  const group = 1 + rng.int(12);
  const quarter = 1 + rng.int(8);
  switch (rng.int(5)) {
    case 0: {
      const n = 1 + rng.int(400);
      return {
        phrase: `trước số nhà ${n} đường ${street}`,
        address: `Số ${n} đường ${street}, ${unit}`,
      };
    }
    case 1: {
      const n = 2 * (1 + rng.int(80));
      return { phrase: `ở ngõ ${n} đường ${street}`, address: `Ngõ ${n} đường ${street}, ${unit}` };
    }
    case 2:
      return {
        phrase: `trên đường ${street}, đoạn ${rng.pick(LANDMARKS)}`,
        address: `Đường ${street}, ${unit}`,
      };
    case 3:
      return {
        phrase: `tại tổ ${group}, khu ${quarter}`,
        address: `Tổ ${group}, khu ${quarter}, ${unit}`,
      };
    default:
      return {
        phrase: `ở khu vực ${rng.pick(LANDMARKS)} (tổ ${group}, khu ${quarter})`,
        address: `Tổ ${group}, khu ${quarter}, ${unit}`,
      };
  }
}

type Answers = Record<string, string | number | string[]>;
type Describer = (rng: Random, a: Answers, at: string) => string;

/** A phrase for a list answer, or the fallback when the answer is missing or unknown. */
function phraseOf(
  rng: Random,
  value: string | number | string[] | undefined,
  phrases: Record<string, string | readonly string[]>,
  fallback: string,
): string {
  const phrase = value === undefined ? undefined : phrases[String(value)];
  if (phrase === undefined) return fallback;
  return typeof phrase === 'string' ? phrase : rng.pick(phrase);
}

/** A free-text or number answer as it reads in a sentence. */
function said(value: Answers[string] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Demo descriptions, built from the answers to the category's questions. */
const DESCRIBERS: Readonly<Record<string, Describer>> = {
  streetlight: (rng, a, at) => {
    const subject = phraseOf(
      rng,
      a.lights_out,
      {
        one: 'Một bóng đèn đường',
        two_to_five: `${2 + rng.int(4)} bóng đèn đường`,
        whole_street: 'Cả dãy đèn chiếu sáng',
      },
      'Đèn đường',
    );
    const state = phraseOf(
      rng,
      a.light_state,
      {
        off_at_night: 'không sáng',
        on_in_daytime: 'sáng cả ban ngày, rất lãng phí điện,',
        flickering: 'chập chờn lúc sáng lúc tắt',
        pole_damaged: 'bị hỏng, cột đèn nghiêng và hở dây điện ở chân cột,',
      },
      'không sáng',
    );
    const effect =
      a.light_state === 'pole_damaged'
        ? 'Trẻ con hay chơi gần đó, rất nguy hiểm.'
        : rng.pick([
            'Buổi tối đường rất tối, người đi bộ và xe máy dễ gặp nguy hiểm.',
            'Khu vực có nhiều học sinh đi học thêm về muộn, phụ huynh rất lo lắng.',
            'Trời tối không nhìn rõ ổ gà, đã có người ngã xe.',
            'Đường tối nên thường xuyên có người lạ tụ tập, người dân không yên tâm.',
          ]);
    const pole = a.pole_number ? ` Số hiệu cột: ${said(a.pole_number)}.` : '';
    return `${subject} ${at} ${state} ${rng.pick(SINCE)}.${pole} ${effect} ${rng.pick(REQUESTS)}`;
  },
  road_pavement: (rng, a, at) => {
    const damage = phraseOf(
      rng,
      a.damage_type,
      {
        pothole: [
          `Mặt đường ${at} xuất hiện nhiều ổ gà`,
          `Mặt đường ${at} bị bong tróc, lộ cả đá dăm`,
        ],
        subsidence: `Mặt đường ${at} bị sụt lún, nứt dọc theo tim đường`,
        broken_pavement: `Vỉa hè ${at} bị vỡ, gạch lát bong tróc`,
        manhole_cover: `Nắp hố ga ${at} bị vỡ, để lộ hố sâu`,
      },
      `Đường ${at} bị hư hỏng`,
    );
    const size = phraseOf(
      rng,
      a.damage_size,
      {
        small: ', chỗ hỏng tuy nhỏ nhưng khá sâu',
        medium: `, diện tích khoảng ${2 + rng.int(4)} m²`,
        large: ', hư hỏng kéo dài hàng chục mét',
      },
      '',
    );
    const effect = rng.pick([
      'Trời mưa nước đọng, xe máy đi qua rất dễ ngã.',
      'Đã có người đi xe máy bị ngã vào buổi tối.',
      'Người đi bộ phải đi xuống lòng đường.',
      'Xe tải chạy qua gây rung nhà, bắn nước bẩn vào người đi đường.',
    ]);
    return `${damage}${size}. ${effect} ${rng.pick(REQUESTS)}`;
  },
  flooding_drainage: (rng, a, at) => {
    const when = rng.pick(['chiều qua', 'sáng nay', 'đêm qua', 'vừa rồi', 'kéo dài từ sáng']);
    const depth = phraseOf(
      rng,
      a.water_depth,
      {
        below_10cm: 'nước ngập đến mắt cá chân',
        '10_30cm': `nước ngập khoảng ${15 + 5 * rng.int(4)} cm`,
        '30_50cm': 'nước ngập đến đầu gối',
        over_50cm: 'nước ngập hơn nửa mét, nhiều xe máy chết máy',
      },
      'nước ngập sâu',
    );
    const drains = phraseOf(
      rng,
      a.drain_state,
      {
        blocked: ' Cống thoát nước bị rác và bùn đất bịt kín.',
        overflowing: ' Nước từ cống trào ngược lên, bốc mùi hôi.',
        no_drain: ' Khu vực chưa có hệ thống thoát nước.',
      },
      '',
    );
    const effect = rng.pick([
      'Nước tràn vào nhà dân.',
      'Học sinh không đi học được.',
      'Nhiều xe chết máy giữa đường.',
      'Tình trạng này lặp lại mỗi khi mưa lớn.',
    ]);
    return `Sau trận mưa ${when}, khu vực ${at} bị ngập, ${depth}.${drains} ${effect} Đề nghị khẩn trương khơi thông cống rãnh, có giải pháp chống ngập.`;
  },
  waste_dumping: (rng, a, at) => {
    const volume = phraseOf(
      rng,
      a.waste_volume,
      { few_bags: 'vài bao', cart: 'khoảng một xe đẩy', truck: 'cả một xe tải' },
      'nhiều',
    );
    const what = phraseOf(
      rng,
      a.waste_type,
      {
        household: `Rác sinh hoạt ${at} không được thu gom ${rng.pick(SINCE)}, dồn lại ${volume}, bốc mùi hôi thối.`,
        construction: `Có người đổ trộm ${volume} phế thải xây dựng ${at} vào ban đêm.`,
        bulky: `Bàn ghế, đệm cũ bị vứt bỏ ${at}, ${volume}, chiếm hết lối đi.`,
        hazardous: `Có người đổ dầu thải và can hóa chất ${at}, mùi rất nồng.`,
      },
      `Rác thải tồn đọng ${at}.`,
    );
    return `${what} ${rng.pick(['Ruồi muỗi nhiều, ảnh hưởng đến sức khỏe người dân.', 'Mất mỹ quan đô thị.', 'Trời mưa nước rỉ rác chảy ra đường.'])} ${rng.pick(REQUESTS)}`;
  },
  trees: (rng, a, at) => {
    const tree = `cây ${rng.pick(['bàng', 'phượng', 'sấu', 'xà cừ', 'keo', 'bằng lăng'])}`;
    const what = phraseOf(
      rng,
      a.tree_issue,
      {
        fallen: `Một ${tree} ${at} bị gãy đổ chắn ngang đường sau trận mưa giông.`,
        leaning: `${capitalise(tree)} ${at} bị nghiêng, gốc mục, có nguy cơ đổ vào nhà dân.`,
        power_lines: `Cành ${tree} ${at} vươn chạm vào đường dây điện, khi có gió phát ra tia lửa.`,
        needs_pruning: `${capitalise(tree)} ${at} tán quá rậm, che khuất đèn đường và biển báo.`,
        illegal_felling: `Có người chặt hạ ${tree} ${at} mà không thấy giấy phép.`,
      },
      `Cây xanh ${at} cần được kiểm tra.`,
    );
    return `${what} ${rng.pick(REQUESTS)}`;
  },
  traffic_safety: (rng, a, at) => {
    const what = phraseOf(
      rng,
      a.traffic_issue,
      {
        signal_broken: `Đèn tín hiệu giao thông ${at} bị hỏng ${rng.pick(SINCE)}, chỉ nháy vàng, giờ cao điểm rất lộn xộn.`,
        sign_missing: `Biển báo ${at} bị mất, người lạ đi vào đường ngược chiều.`,
        dangerous_junction: `Ngã ba ${at} không có gương cầu lồi, tầm nhìn bị che khuất, thường xuyên xảy ra va chạm.`,
        encroachment: `Các hộ kinh doanh ${at} bày hàng, để xe lấn chiếm hết vỉa hè và một phần lòng đường.`,
        spillage: `Xe chở đất đá làm rơi vãi vật liệu ${at}, trời nắng bụi mù, trời mưa trơn trượt.`,
      },
      `Mất an toàn giao thông ${at}.`,
    );
    return `${what} ${rng.pick(REQUESTS)}`;
  },
  construction_order: (rng, a, at) => {
    const what = phraseOf(
      rng,
      a.violation,
      {
        no_permit: `Công trình ${at} đang xây dựng nhưng không treo biển báo giấy phép xây dựng.`,
        against_permit: `Ngôi nhà ${at} đang xây vượt số tầng, đua ban công ra ngoài chỉ giới.`,
        public_land: `Hộ dân ${at} xây tường rào lấn chiếm đất công.`,
        unsafe_site: `Công trường ${at} không che chắn, vật liệu rơi xuống đường, bụi bay vào nhà dân.`,
        materials_on_road: `Cát, đá, gạch xây dựng đổ tràn ra lòng đường ${at} nhiều ngày nay.`,
      },
      `Có dấu hiệu vi phạm trật tự xây dựng ${at}.`,
    );
    const site = a.site_address ? ` (${said(a.site_address)})` : '';
    return `${what}${site} ${rng.pick(REQUESTS)}`;
  },
  environment_pollution: (rng, a, at) => {
    const source = a.source_name
      ? String(a.source_name).toLocaleLowerCase('vi')
      : rng.pick(POLLUTION_SOURCES);
    const what = phraseOf(
      rng,
      a.pollution_type,
      {
        dust: `Bụi từ ${source} ${at} bay mù mịt, phủ kín nhà cửa, đồ đạc.`,
        smoke_odour: `Khói và mùi hôi khó chịu từ ${source} ${at}, nhất là vào buổi tối.`,
        wastewater: `Nước thải màu đen, bốc mùi từ ${source} chảy thẳng ra mương ${at}.`,
        chemical: `Phát hiện vệt dầu, hóa chất loang ${at}, nghi từ ${source}.`,
      },
      `Ô nhiễm môi trường từ ${source} ${at}.`,
    );
    return `${what} ${rng.pick(['Người già và trẻ nhỏ bị ho, khó thở.', 'Người dân phải đóng cửa cả ngày.', 'Tình trạng kéo dài đã lâu.'])} ${rng.pick(REQUESTS)}`;
  },
  public_security: (rng, a, at) => {
    const people = a.people_involved ? `khoảng ${said(a.people_involved)} người` : 'một nhóm người';
    const what = phraseOf(
      rng,
      a.incident,
      {
        disturbance: `${capitalise(people)} tụ tập ${at}, uống rượu, gây gổ, to tiếng.`,
        street_racing: `Nhóm thanh niên đi xe máy lạng lách, rú ga, đua xe ${at} vào đêm khuya.`,
        gambling: `Có tụ điểm đánh bạc ${at}, ${people} thường xuyên ra vào.`,
        drugs: `Nghi có đối tượng sử dụng ma túy tụ tập ${at}, để lại cả kim tiêm.`,
        theft: `Liên tục xảy ra mất trộm xe máy, đồ đạc ${at}.`,
      },
      `Mất an ninh trật tự ${at}.`,
    );
    const when = phraseOf(
      rng,
      a.happening_now,
      {
        now: 'Sự việc đang diễn ra.',
        recurring: `Tình trạng diễn ra thường xuyên vào ${rng.pick(['buổi tối', 'cuối tuần', 'đêm khuya'])}.`,
        over: `Sự việc xảy ra ${rng.pick(['tối qua', 'đêm qua', 'chiều qua'])}.`,
      },
      '',
    );
    return `${what} ${when} Đề nghị công an kiểm tra, xử lý.`.replace('  ', ' ');
  },
  tourism_services: (rng, a, at) => {
    const used = phraseOf(
      rng,
      a.service,
      {
        accommodation: 'thuê phòng nghỉ',
        restaurant: 'ăn hải sản tại một nhà hàng',
        tour_boat: 'đi tàu tham quan vịnh',
        transport: 'đi taxi',
        shopping: 'mua hàng lưu niệm',
      },
      'sử dụng dịch vụ',
    );
    const business = a.business_name ? ` (${said(a.business_name)})` : '';
    const amount =
      typeof a.amount_charged === 'number'
        ? `${a.amount_charged.toLocaleString('vi-VN')} đồng`
        : '';
    const what = phraseOf(
      rng,
      a.tourism_issue,
      {
        overcharging: `Gia đình tôi ${used}${business} ${at} và bị tính ${amount || 'số tiền'} cao hơn nhiều so với giá đã thỏa thuận.`,
        no_price_list: `Gia đình tôi ${used}${business} ${at}; cơ sở không niêm yết giá, khi thanh toán mới báo giá${amount ? ` ${amount}` : ''}.`,
        touting: `Nhiều người chèo kéo, đeo bám du khách ${at}, gây phiền hà, mất thiện cảm.`,
        poor_quality: `Gia đình tôi ${used}${business} ${at}; chất lượng dịch vụ kém, không bảo đảm vệ sinh.`,
        rude_staff: `Gia đình tôi ${used}${business} ${at}; nhân viên có thái độ thiếu tôn trọng khách.`,
      },
      `Dịch vụ du lịch ${at} có vấn đề.`,
    );
    return `${what} ${rng.pick(['Đề nghị cơ quan chức năng kiểm tra, xử lý để giữ hình ảnh du lịch Quảng Ninh.', 'Mong được xem xét và phản hồi.', 'Đề nghị xử lý nghiêm.'])}`;
  },
  beach_bay: (rng, a, at) => {
    const boat = a.boat_number ? ` (${said(a.boat_number)})` : '';
    const what = phraseOf(
      rng,
      a.sea_issue,
      {
        floating_waste: `Rác thải (túi ni lông, chai nhựa, xốp) trôi nổi dày đặc ${at}.`,
        beach_waste: `Rác thải ${at} không được dọn, nhiều vỏ chai, túi ni lông vùi trong cát.`,
        unsafe_boat: `Tàu chở khách${boat} ${at} chở quá số người, nhiều khách không mặc áo phao.`,
        oil_slick: `Xuất hiện vệt dầu loang trên mặt nước ${at}.`,
        unsafe_water_sports: `Dịch vụ mô tô nước ${at} chạy sát khu vực khách đang tắm, rất nguy hiểm.`,
      },
      `Mất vệ sinh, an toàn ${at}.`,
    );
    return `${what} ${rng.pick(REQUESTS)}`;
  },
  water_supply: (rng, a, at) => {
    const households = a.households_affected
      ? ` Khoảng ${said(a.households_affected)} hộ bị ảnh hưởng.`
      : '';
    const what = phraseOf(
      rng,
      a.water_issue,
      {
        no_water: `Khu dân cư ${at} bị mất nước ${rng.pick(SINCE)}, không có thông báo trước.`,
        low_pressure: `Nước sinh hoạt ${at} chảy rất yếu, các nhà từ tầng hai trở lên không có nước.`,
        dirty_water: `Nước máy ${at} đục, có mùi lạ, không dám dùng để nấu ăn.`,
        pipe_burst: `Đường ống cấp nước ${at} bị vỡ, nước chảy lênh láng ra đường.`,
      },
      `Sự cố cấp nước ${at}.`,
    );
    return `${what}${households} ${rng.pick(REQUESTS)}`;
  },
  power_outage: (rng, a, at) => {
    const hours = a.outage_hours ? `${said(a.outage_hours)} giờ nay` : 'từ sáng';
    const what = phraseOf(
      rng,
      a.power_issue,
      {
        outage: `Khu vực ${at} bị mất điện ${hours}, không có lịch cắt điện thông báo trước.`,
        unstable: `Điện ${at} chập chờn, điện áp yếu, nhiều thiết bị trong nhà bị hỏng.`,
        wire_down: `Dây điện ${at} bị võng thấp sau mưa gió, xe tải đi qua có thể vướng.`,
        pole_leaning: `Cột điện ${at} bị nghiêng, có nguy cơ đổ.`,
      },
      `Sự cố điện ${at}.`,
    );
    return `${what} ${rng.pick(REQUESTS)}`;
  },
  noise: (rng, a, at) => {
    const source = phraseOf(
      rng,
      a.noise_source,
      {
        karaoke: `Hộ gia đình ${at} hát karaoke, mở loa kéo công suất lớn`,
        construction: `Công trình ${at} thi công, đổ bê tông`,
        business: `Cửa hàng ${at} mở loa quảng cáo cỡ lớn`,
        workshop: `Xưởng cơ khí ${at} hoạt động ồn ào`,
      },
      `Tiếng ồn lớn ${at}`,
    );
    const time = phraseOf(
      rng,
      a.noise_time,
      { daytime: 'cả ngày', evening: 'từ chiều tối đến 22 giờ', night: 'đến tận 1–2 giờ sáng' },
      'thường xuyên',
    );
    return `${source} ${time}, ảnh hưởng nghiêm trọng đến sinh hoạt, học tập của các hộ xung quanh. ${rng.pick(REQUESTS)}`;
  },
  animal_disease: (rng, a, at) => {
    const animal = phraseOf(
      rng,
      a.animal_kind,
      { pig: 'lợn', poultry: 'gà', dog_cat: 'chó', cattle: 'bò', other: 'vật nuôi' },
      'vật nuôi',
    );
    const what = phraseOf(
      rng,
      a.disease_issue,
      {
        dead_animals: `Phát hiện xác ${animal} chết vứt ${at}, bốc mùi hôi thối.`,
        sick_livestock: `Đàn ${animal} của một số hộ ${at} có dấu hiệu bị bệnh, chết rải rác.`,
        stray_dogs: `Nhiều chó thả rông ${at}, không rọ mõm, đã có trẻ em bị chó đuổi cắn.`,
        mosquito_breeding: `Khu đất trống ${at} có nhiều vật dụng chứa nước đọng, muỗi rất nhiều, người dân lo sốt xuất huyết.`,
      },
      `Nguy cơ dịch bệnh ${at}.`,
    );
    return `${what} ${rng.pick(REQUESTS)}`;
  },
  other: (rng, _a, at) =>
    rng.pick([
      `Đề nghị lắp thêm ghế đá, thùng rác ${at}.`,
      `Biển tên đường ${at} bị mờ, đề nghị thay mới.`,
      `Khu vui chơi trẻ em ${at} có thiết bị hư hỏng, không an toàn.`,
      `Nhà vệ sinh công cộng ${at} xuống cấp, mất vệ sinh.`,
      `Bảng tin của khu dân cư ${at} bị dán quảng cáo rao vặt chi chít.`,
    ]),
};

const POLLUTION_SOURCES = [
  'xe chở than',
  'bãi tập kết than',
  'trạm trộn bê tông',
  'cơ sở giết mổ',
  'cơ sở tái chế phế liệu',
  'xưởng sản xuất',
];

/** Values for the free-text and number questions the demo knows; others are left unanswered. */
const FREE_ANSWERS: Readonly<Record<string, (rng: Random) => string | number>> = {
  pole_number: (rng) => `CS-${String(1 + rng.int(40)).padStart(2, '0')}/${1 + rng.int(300)}`,
  site_address: (rng) => `số nhà ${1 + rng.int(300)}`,
  source_name: (rng) => capitalise(rng.pick(POLLUTION_SOURCES)),
  people_involved: (rng) => 2 + rng.int(15),
  business_name: (rng) =>
    rng.pick([
      'Nhà hàng hải sản gần bãi tắm',
      'Nhà nghỉ trong ngõ',
      'Quầy hàng ở chợ đêm',
      'Tàu tham quan hai tầng',
      'Hãng taxi không rõ tên',
    ]),
  amount_charged: (rng) => 10_000 * (20 + rng.int(600)),
  boat_number: () => 'không nhớ số hiệu, thân tàu màu trắng',
  customer_code: (rng) => `KH${String(rng.int(1_000_000)).padStart(6, '0')}`,
  households_affected: (rng) => 5 + rng.int(200),
  outage_hours: (rng) => 2 + rng.int(20),
};

const SATISFIED_COMMENTS = [
  'Cảm ơn chính quyền đã xử lý nhanh.',
  'Đã khắc phục, cảm ơn!',
  'Xử lý kịp thời, rất hài lòng.',
  '',
  '',
  '',
];
const UNSATISFIED_COMMENTS = [
  'Mới xử lý tạm, vài hôm lại như cũ.',
  'Chưa thấy ai đến kiểm tra thực tế.',
  'Trả lời chung chung, chưa giải quyết dứt điểm.',
  'Xử lý quá chậm.',
];
const REJECTION_REASONS = [
  'Nội dung phản ánh chưa đủ thông tin để xác minh (không rõ vị trí cụ thể). Đề nghị ông/bà bổ sung hình ảnh, địa điểm và gửi lại phản ánh.',
  'Qua kiểm tra thực tế, không phát hiện sự việc như nội dung phản ánh.',
  'Nội dung phản ánh là tranh chấp dân sự giữa các hộ gia đình; đề nghị ông/bà thực hiện hòa giải ở cơ sở hoặc khởi kiện tại Tòa án theo quy định.',
  'Nội dung phản ánh không thuộc phạm vi tiếp nhận của hệ thống; đề nghị ông/bà liên hệ trực tiếp đơn vị cung cấp dịch vụ.',
];

// ————————————————————————————————————————— the world the reports live in

interface CategoryInfo {
  code: string;
  name: string;
  deadlineAmount: number;
  deadlineUnit: 'working_hours' | 'working_days';
  allowAnonymous: boolean;
  defaultLevel: 'commune' | 'province';
  attributes: CategoryAttribute[];
  answerTemplates: AnswerTemplate[];
  profile: CategoryProfile;
  /** Cumulative weights over World.communes. */
  communeWeights: Float64Array;
}

interface CommuneInfo {
  code: string;
  /** "phường Bãi Cháy", as it reads inside a sentence. */
  label: string;
  kind: string;
  weight: number;
  committeeId: string | null;
  /** Precomputed points inside the boundary, as [lon, lat]. */
  points: Array<[number, number]>;
  poolSize: number;
}

interface World {
  calendar: WorkingCalendar;
  categories: CategoryInfo[];
  communes: CommuneInfo[];
  matrix: Map<string, string>;
  agencyNames: Map<string, string>;
  /** Staff accounts by agency, to act and be assigned. */
  officers: Map<string, string[]>;
  provinceCommitteeId: string | null;
  constructionDepartmentId: string | null;
  citizen: { id: string; fullName: string; email: string | null } | null;
}

async function loadWorld(db: FeedbackDb, calendar: WorkingCalendar): Promise<World> {
  const categoryRows = await db
    .selectFrom('feedbackCategory')
    .select([
      'code',
      'name',
      'deadlineAmount',
      'deadlineUnit',
      'allowAnonymous',
      'defaultLevel',
      'attributes',
      'answerTemplates',
    ])
    .where('active', '=', true)
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
  if (categoryRows.length === 0) {
    throw new Error('no feedback categories: run loadFeedbackCategories before the demo reports');
  }
  const communeRows = await sql<{
    code: string;
    fullName: string;
    kind: string;
    committeeId: string | null;
  }>`
    SELECT c.code, c.full_name, c.kind, ${communeCommitteeSql(sql.ref<string>('c.code'))} AS committee_id
    FROM admin_commune c
    WHERE c.province_code = ${QUANG_NINH_PROVINCE_CODE} AND c.boundary IS NOT NULL
    ORDER BY c.code
  `.execute(db);
  if (communeRows.rows.length === 0) {
    throw new Error('no Quảng Ninh commune boundaries: load the administrative units first');
  }
  const communes: CommuneInfo[] = communeRows.rows.map((c) => ({
    code: c.code,
    label: c.fullName.charAt(0).toLocaleLowerCase('vi') + c.fullName.slice(1),
    kind: c.kind,
    weight: COMMUNE_WEIGHT[c.code] ?? DEFAULT_WEIGHT_BY_KIND[c.kind] ?? 1,
    committeeId: c.committeeId,
    points: [],
    poolSize: 0,
  }));
  const categories = categoryRows.map((c) => {
    const profile = CATEGORY_PROFILES[c.code] ?? DEFAULT_PROFILE;
    let weights = communes.map((m) => placeWeight(profile.place, m));
    if (weights.every((w) => w <= 0)) weights = communes.map((m) => m.weight);
    return { ...c, profile, communeWeights: cumulate(weights) };
  });

  const agencies = await db.selectFrom('agency').select(['id', 'code', 'name', 'kind']).execute();
  const staff = await db
    .selectFrom('appUser')
    .select(['id', 'agencyId'])
    .where('type', '=', 'staff')
    .where('status', '=', 'active')
    .where('agencyId', 'is not', null)
    .orderBy('id')
    .execute();
  const officers = new Map<string, string[]>();
  for (const user of staff) {
    const list = officers.get(user.agencyId!) ?? [];
    list.push(user.id);
    officers.set(user.agencyId!, list);
  }
  const citizen = await db
    .selectFrom('appUser')
    .select(['id', 'fullName', 'email'])
    .where('type', '=', 'citizen')
    .where('status', '=', 'active')
    .orderBy('createdAt')
    .orderBy('id')
    .executeTakeFirst();

  return {
    calendar,
    categories,
    communes,
    matrix: await routingMatrix(db, QUANG_NINH_PROVINCE_CODE),
    agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
    officers,
    provinceCommitteeId:
      agencies.find((a) => a.code === DEMO_PROVINCE_COMMITTEE_CODE)?.id ??
      agencies.find((a) => a.kind === 'province_committee')?.id ??
      null,
    // Roads of provincial rank are the construction department's, not the ward's.
    constructionDepartmentId: agencies.find((a) => a.code === '000.00.04.H49')?.id ?? null,
    citizen: citizen ?? null,
  };
}

function placeWeight(place: Place, commune: CommuneInfo): number {
  switch (place) {
    case 'tourists':
      return TOURIST_WEIGHT[commune.code] ?? 0.15;
    case 'coast':
      return COASTAL_WEIGHT[commune.code] ?? 0;
    case 'coal':
      return commune.weight * (COAL_AREAS.has(commune.code) ? 2.5 : 1);
    case 'rural':
      return commune.weight * (commune.kind === 'ward' ? 0.6 : 2.5);
    case 'urban':
      return commune.weight * (commune.kind === 'ward' ? 1.3 : 0.7);
    case 'remote':
      return commune.weight * (commune.kind === 'ward' ? 1 : 1.6);
    case 'population':
      return commune.weight;
  }
}

/**
 * Points inside each commune, drawn once by PostGIS (deterministic for a seed), in numbers
 * proportional to the reports expected there: reports share points now and then, as several
 * people report the same broken light.
 */
async function loadPointPools(
  db: FeedbackDb,
  world: World,
  count: number,
  seed: number,
): Promise<void> {
  const expected = new Float64Array(world.communes.length);
  const totalShare = world.categories.reduce((sum, c) => sum + c.profile.share, 0);
  for (const category of world.categories) {
    const cumulative = category.communeWeights;
    const total = cumulative[cumulative.length - 1]!;
    for (let i = 0; i < cumulative.length; i += 1) {
      const weight = cumulative[i]! - (i > 0 ? cumulative[i - 1]! : 0);
      expected[i]! += (count * (category.profile.share / totalShare) * weight) / total;
    }
  }
  world.communes.forEach((commune, i) => {
    commune.poolSize = Math.max(20, Math.min(5000, Math.ceil(expected[i]! * 0.8)));
  });
  const request = JSON.stringify(world.communes.map((c) => ({ code: c.code, n: c.poolSize })));
  const rows = await sql<{ code: string; lon: number; lat: number }>`
    SELECT w.code, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat
    FROM json_to_recordset(${request}::json) AS w(code text, n integer)
    JOIN admin_commune c ON c.code = w.code
    CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(c.boundary, w.n, ${(seed % 2_000_000_000) + 1})) AS p
    ORDER BY w.code, p.path
  `.execute(db);
  const byCode = new Map(world.communes.map((c) => [c.code, c]));
  for (const row of rows.rows) byCode.get(row.code)!.points.push([row.lon, row.lat]);
}

// ————————————————————————————————————————— one report's life

interface ReportState {
  status: ReportStatus;
  agencyId: string;
  assigneeId: string | null;
  receivedAt: number | null;
  answeredAt: number | null;
  closedAt: number | null;
  deadlineAt: number;
  escalationLevel: number;
  escalatedAgencyId: string | null;
  escalatedAt: number | null;
  rating: Rating | null;
  ratingComment: string | null;
  ratedAt: number | null;
  reopenCount: number;
  duplicateOfId: string | null;
}

interface Step {
  at: number;
  action: string;
  actorType: HistoryActorType;
  actorId: string | null;
  toStatus?: ReportStatus;
  toAgencyId?: string;
  visibility: HistoryVisibility;
  message?: string;
  details?: Record<string, unknown>;
  set?: Partial<ReportState>;
  /** Sets answered_at unless an earlier answer did. */
  answers?: boolean;
}

interface Original {
  id: string;
  trackingCode: string;
  point: [number, number];
  submittedAt: number;
  /** A rejected or duplicate report cannot be the original of another. */
  usable: boolean;
}

interface Draft {
  id: string;
  trackingCode: string;
  category: CategoryInfo;
  commune: CommuneInfo;
  submittedAt: number;
  point: [number, number];
  source: ReportSource;
  anonymous: boolean;
  reporterUserId: string | null;
  reporterActor: HistoryActorType;
  original: Original | null;
}

const CLOSED: ReadonlySet<ReportStatus> = new Set(['resolved', 'rejected', 'duplicate']);

/** Working hours in a working day under the calendar's hours, for deadline arithmetic. */
function deadlineHours(world: World, category: CategoryInfo): number {
  const perDay = world.calendar.workingDayMs / HOUR_MS;
  return category.deadlineUnit === 'working_hours'
    ? category.deadlineAmount
    : category.deadlineAmount * perDay;
}

function deadlineFrom(world: World, category: CategoryInfo, from: number): number {
  const at = new Date(from);
  return (
    category.deadlineUnit === 'working_hours'
      ? world.calendar.addWorkingHours(at, category.deadlineAmount)
      : world.calendar.addWorkingDays(at, category.deadlineAmount)
  ).getTime();
}

function fillTemplate(
  template: string,
  values: { agency: string; commune: string; code: string; date: string },
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, key: string) =>
    key in values ? values[key as keyof typeof values] : match,
  );
}

function vietnamDate(ms: number): string {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

interface Life {
  /** Where the report was sent at submission (a transfer may move it). */
  firstAgencyId: string;
  /** The answer deadline counted from submission. */
  deadlineAt: number;
  steps: Step[];
}

/** Everything that would happen to the report, in order; the caller cuts it at `now`. */
function lifeOf(rng: Random, world: World, draft: Draft, routedAgencyId: string): Life {
  const { calendar } = world;
  const { category } = draft;
  const urgent = category.deadlineUnit === 'working_hours';
  const after = (from: number, hours: number): number =>
    calendar.addWorkingHours(new Date(from), hours).getTime();
  const officerOf = (agencyId: string, salt: number): string | null => {
    const list = world.officers.get(agencyId);
    return list && list.length > 0 ? list[salt % list.length]! : null;
  };
  const staff = (agencyId: string) => ({
    actorType: 'user' as const,
    actorId: officerOf(agencyId, draft.submittedAt),
  });
  const reporter = { actorType: draft.reporterActor, actorId: draft.reporterUserId };

  // Who gets it first: desk reports of provincial categories are taken at the ward first;
  // some road and traffic reports turn out to be on roads of provincial rank.
  const provincialRoad = rng.chance(0.05); // drawn always, so the sequence never depends on data
  let firstAgencyId = routedAgencyId;
  let finalAgencyId = routedAgencyId;
  let transferReason = '';
  if (
    category.defaultLevel === 'province' &&
    draft.source === 'desk' &&
    draft.commune.committeeId &&
    draft.commune.committeeId !== routedAgencyId
  ) {
    firstAgencyId = draft.commune.committeeId;
    transferReason = 'Chuyển cơ quan có thẩm quyền giải quyết theo quy định.';
  } else if (
    provincialRoad &&
    (category.code === 'road_pavement' || category.code === 'traffic_safety') &&
    world.constructionDepartmentId
  ) {
    finalAgencyId = world.constructionDepartmentId;
    transferReason =
      'Tuyến đường thuộc phạm vi quản lý của cấp tỉnh; chuyển Sở Xây dựng giải quyết.';
  }

  const deadline = deadlineFrom(world, category, draft.submittedAt);
  const grace = Math.max(MIN_ESCALATION_GRACE_HOURS, deadlineHours(world, category));
  const life = (steps: Step[]): Life => ({ firstAgencyId, deadlineAt: deadline, steps });
  const steps: Step[] = [
    {
      at: draft.submittedAt,
      action: 'submitted',
      ...(draft.source === 'desk' ? staff(firstAgencyId) : reporter),
      toStatus: 'new',
      visibility: 'public',
      details: { source: draft.source },
    },
  ];
  let t = after(draft.submittedAt, urgent ? rng.between(0.05, 1) : rng.between(0.2, 4));
  steps.push({
    at: t,
    action: 'received',
    ...staff(firstAgencyId),
    toStatus: 'received',
    visibility: 'public',
    set: { receivedAt: t },
  });
  if (transferReason) {
    t = after(t, rng.between(1, 8));
    steps.push({
      at: t,
      action: 'transferred',
      ...staff(firstAgencyId),
      toStatus: 'new',
      toAgencyId: finalAgencyId,
      visibility: 'public',
      message: transferReason,
      set: { receivedAt: null, assigneeId: null },
    });
    t = after(t, rng.between(0.5, 4));
    steps.push({
      at: t,
      action: 'received',
      ...staff(finalAgencyId),
      toStatus: 'received',
      visibility: 'public',
      set: { receivedAt: t },
    });
  }

  const templateValues = {
    agency: world.agencyNames.get(finalAgencyId) ?? '',
    commune: draft.commune.label,
    code: draft.trackingCode,
    date: vietnamDate(draft.submittedAt),
  };

  if (draft.original) {
    t = after(t, rng.between(0.5, 8));
    steps.push({
      at: t,
      action: 'duplicate',
      ...staff(finalAgencyId),
      toStatus: 'duplicate',
      visibility: 'public',
      message: `Trùng nội dung với phản ánh ${draft.original.trackingCode}; kết quả xử lý được cập nhật tại phản ánh đó.`,
      details: { originalTrackingCode: draft.original.trackingCode },
      set: { duplicateOfId: draft.original.id, closedAt: t },
    });
    return life(withEscalation(world, steps, deadline, grace));
  }
  if (rng.chance(0.06)) {
    t = after(t, rng.between(2, 16));
    steps.push({
      at: t,
      action: 'rejected',
      ...staff(finalAgencyId),
      toStatus: 'rejected',
      visibility: 'public',
      message: rng.pick(REJECTION_REASONS),
      answers: true,
      set: { closedAt: t },
    });
    return life(withEscalation(world, steps, deadline, grace));
  }

  t = after(t, urgent ? rng.between(0.1, 1.5) : rng.between(0.5, 8));
  const assignee = officerOf(finalAgencyId, draft.submittedAt + 1);
  if (assignee) {
    steps.push({
      at: t,
      action: 'assigned',
      ...staff(finalAgencyId),
      visibility: 'internal',
      details: { assigneeId: assignee },
      set: { assigneeId: assignee },
    });
  }
  steps.push({
    at: t,
    action: 'started',
    ...staff(finalAgencyId),
    toStatus: 'in_progress',
    visibility: 'public',
  });
  // A few are left hanging: the overdue backlog every inbox has.
  if (rng.chance(0.012)) return life(withEscalation(world, steps, deadline, grace));

  const budget =
    calendar.workingTimeBetween(new Date(t), new Date(Math.max(t, deadline))) / HOUR_MS;
  const onTime = rng.chance(0.86) && budget > 0.25;
  // Late answers are mostly a little late, a few very late.
  const lateness = 1 + (deadlineHours(world, category) * 1.5 + 3) * rng.next() ** 2;
  let answeredAt = onTime
    ? after(t, budget * rng.between(0.15, 0.95))
    : after(Math.max(t, deadline), lateness);
  const template = category.answerTemplates.length > 0 ? rng.pick(category.answerTemplates) : null;
  const answer = template
    ? fillTemplate(template.body, templateValues)
    : 'Nội dung phản ánh đã được kiểm tra và xử lý theo thẩm quyền.';
  let closedAt = answeredAt;
  if (rng.chance(0.25)) {
    // An answer first (what was found, what will be done), the closing later.
    steps.push({
      at: answeredAt,
      action: 'answered',
      ...staff(finalAgencyId),
      visibility: 'public',
      message: answer,
      details: template ? { template: template.title } : {},
      answers: true,
    });
    closedAt = after(answeredAt, rng.between(1, 16));
    steps.push({
      at: closedAt,
      action: 'resolved',
      ...staff(finalAgencyId),
      toStatus: 'resolved',
      visibility: 'public',
      message: 'Đã hoàn thành xử lý nội dung phản ánh.',
      answers: true,
      set: { closedAt },
    });
  } else {
    steps.push({
      at: closedAt,
      action: 'resolved',
      ...staff(finalAgencyId),
      toStatus: 'resolved',
      visibility: 'public',
      message: answer,
      details: template ? { template: template.title } : {},
      answers: true,
      set: { closedAt },
    });
  }
  const lived = withEscalation(world, steps, deadline, grace);

  // Ratings: on about 60% of resolved reports, mostly satisfied, less so when late.
  if (!rng.chance(0.6)) return life(lived);
  const ratedAt = closedAt + Math.round(rng.between(0.5, 96) * HOUR_MS);
  const satisfied = rng.chance(onTime ? 0.85 : 0.55);
  const rating: Rating = satisfied ? 'satisfied' : 'not_satisfied';
  const comment = rng.pick(satisfied ? SATISFIED_COMMENTS : UNSATISFIED_COMMENTS) || null;
  lived.push({
    at: ratedAt,
    action: 'rated',
    ...reporter,
    visibility: 'internal',
    message: comment ?? '',
    details: { rating },
    set: { rating, ratingComment: comment, ratedAt },
  });
  if (satisfied || ratedAt - closedAt > REOPEN_WINDOW_MS || !rng.chance(0.35)) return life(lived);

  // Not satisfied within the window: the report reopens and is handled again.
  const reopenDeadline = deadlineFrom(world, category, ratedAt);
  lived.push({
    at: ratedAt,
    action: 'reopened',
    ...reporter,
    toStatus: 'in_progress',
    visibility: 'public',
    message: comment ?? '',
    set: { closedAt: null, deadlineAt: reopenDeadline, reopenCount: 1 },
  });
  const second = calendar.workingTimeBetween(new Date(ratedAt), new Date(reopenDeadline)) / HOUR_MS;
  answeredAt = after(ratedAt, Math.max(0.5, second * rng.between(0.2, 1.1)));
  const again = category.answerTemplates.length > 0 ? rng.pick(category.answerTemplates) : null;
  lived.push({
    at: answeredAt,
    action: 'resolved',
    ...staff(finalAgencyId),
    toStatus: 'resolved',
    visibility: 'public',
    message: again
      ? fillTemplate(again.body, templateValues)
      : 'Đã kiểm tra lại và xử lý dứt điểm nội dung phản ánh.',
    answers: true,
    set: { closedAt: answeredAt },
  });
  if (rng.chance(0.5)) {
    const reRatedAt = answeredAt + Math.round(rng.between(1, 72) * HOUR_MS);
    const reRating: Rating = rng.chance(0.7) ? 'satisfied' : 'not_satisfied';
    lived.push({
      at: reRatedAt,
      action: 'rated',
      ...reporter,
      visibility: 'internal',
      details: { rating: reRating },
      set: { rating: reRating, ratingComment: null, ratedAt: reRatedAt },
    });
  }
  return life(lived);
}

/**
 * Adds the escalation of a report still open some working time after its deadline, where
 * it falls among the steps: the provincial People's Committee is asked to follow it up.
 */
function withEscalation(world: World, steps: Step[], deadline: number, grace: number): Step[] {
  const target = world.provinceCommitteeId;
  if (!target) return steps;
  const at = world.calendar.addWorkingHours(new Date(deadline), grace).getTime();
  // The deadline is for the answer: an answer (or closing) in time means no escalation.
  const settled = steps.find(
    (s) => s.answers || (s.toStatus !== undefined && CLOSED.has(s.toStatus)),
  );
  if (settled && settled.at <= at) return steps;
  const escalation: Step = {
    at,
    action: 'escalated',
    actorType: 'system',
    actorId: null,
    visibility: 'public',
    message: 'Quá hạn xử lý; chuyển UBND tỉnh theo dõi, đôn đốc.',
    details: { level: 1, escalatedAgencyId: target },
    set: { escalationLevel: 1, escalatedAgencyId: target, escalatedAt: at },
  };
  const index = steps.findIndex((s) => s.at > at);
  if (index === -1) steps.push(escalation);
  else steps.splice(index, 0, escalation);
  return steps;
}

/**
 * Plays the steps up to `now` on the report, and returns what the report then is and the
 * history rows (numbered from `seq` + 1, in order).
 */
function replay(
  draft: Draft,
  life: Life,
  nowMs: number,
  seq: number,
): { state: ReportState; updatedAt: number; rows: HistoryRow[] } {
  const state: ReportState = {
    status: 'new',
    agencyId: life.firstAgencyId,
    assigneeId: null,
    receivedAt: null,
    answeredAt: null,
    closedAt: null,
    deadlineAt: life.deadlineAt,
    escalationLevel: 0,
    escalatedAgencyId: null,
    escalatedAt: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    reopenCount: 0,
    duplicateOfId: null,
  };
  const rows: HistoryRow[] = [];
  let updatedAt = draft.submittedAt;
  for (const step of life.steps) {
    if (step.at > nowMs) break;
    const fromStatus = step.toStatus ? state.status : null;
    const fromAgencyId = step.toAgencyId ? state.agencyId : null;
    if (step.toStatus) state.status = step.toStatus;
    if (step.toAgencyId) state.agencyId = step.toAgencyId;
    if (step.answers && state.answeredAt === null) state.answeredAt = step.at;
    if (step.set) Object.assign(state, step.set);
    updatedAt = step.at;
    rows.push({
      seq: seq + rows.length + 1,
      report_id: draft.id,
      at: iso(step.at)!,
      actor_type: step.actorType,
      actor_id: step.actorId,
      action: step.action,
      from_status: fromStatus,
      to_status: step.toStatus ?? null,
      from_agency_id: fromAgencyId,
      to_agency_id: step.toAgencyId ?? null,
      visibility: step.visibility,
      message: step.message ?? '',
      details: step.details ?? {},
    });
  }
  return { state, updatedAt, rows };
}

// ————————————————————————————————————————— writing

interface ReportRow {
  seq: number;
  id: string;
  tracking_code: string;
  category_code: string;
  status: ReportStatus;
  agency_id: string;
  assignee_id: string | null;
  commune_code: string;
  lat: number;
  lon: number;
  address: string;
  description: string;
  attributes: Answers;
  anonymous: boolean;
  source: ReportSource;
  duplicate_of_id: string | null;
  submitted_at: string;
  received_at: string | null;
  answered_at: string | null;
  closed_at: string | null;
  updated_at: string;
  deadline_at: string;
  escalation_level: number;
  escalated_agency_id: string | null;
  escalated_at: string | null;
  rating: Rating | null;
  rating_comment: string | null;
  rated_at: string | null;
  reopen_count: number;
}

interface ReporterRow {
  report_id: string;
  user_id: string | null;
  name: string | null;
  email: string | null;
  secret_hash: string;
}

interface HistoryRow {
  seq: number;
  report_id: string;
  at: string;
  actor_type: HistoryActorType;
  actor_id: string | null;
  action: string;
  from_status: ReportStatus | null;
  to_status: ReportStatus | null;
  from_agency_id: string | null;
  to_agency_id: string | null;
  visibility: HistoryVisibility;
  message: string;
  details: Record<string, unknown>;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Rows are sent as one JSON document per statement: no parameter limit, no escaping. */
async function insertReports(db: FeedbackDb, rows: ReportRow[]): Promise<void> {
  await sql`
    INSERT INTO feedback_report (id, tracking_code, category_code, status, agency_id, assignee_id,
      commune_code, location, lat, lon, address, description, attributes, anonymous, source,
      duplicate_of_id, submitted_at, received_at, answered_at, closed_at, updated_at,
      deadline_at, escalation_level, escalated_agency_id, escalated_at, rating, rating_comment,
      rated_at, reopen_count)
    SELECT r.id, r.tracking_code, r.category_code, r.status, r.agency_id, r.assignee_id,
      r.commune_code, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography, r.lat, r.lon,
      r.address, r.description, r.attributes, r.anonymous, r.source, r.duplicate_of_id,
      r.submitted_at, r.received_at, r.answered_at, r.closed_at, r.updated_at, r.deadline_at,
      r.escalation_level, r.escalated_agency_id, r.escalated_at, r.rating, r.rating_comment,
      r.rated_at, r.reopen_count
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(seq integer, id uuid,
      tracking_code text, category_code text, status text, agency_id uuid, assignee_id uuid,
      commune_code text, lat double precision, lon double precision, address text,
      description text, attributes jsonb, anonymous boolean, source text, duplicate_of_id uuid,
      submitted_at timestamptz, received_at timestamptz, answered_at timestamptz,
      closed_at timestamptz, updated_at timestamptz, deadline_at timestamptz,
      escalation_level integer, escalated_agency_id uuid, escalated_at timestamptz, rating text,
      rating_comment text, rated_at timestamptz, reopen_count integer)
    ORDER BY r.seq
  `.execute(db);
}

async function insertReporters(db: FeedbackDb, rows: ReporterRow[]): Promise<void> {
  await sql`
    INSERT INTO feedback_reporter (report_id, user_id, name, email, secret_hash)
    SELECT r.report_id, r.user_id, r.name, r.email, r.secret_hash
    FROM json_to_recordset(${JSON.stringify(rows)}::json)
      AS r(report_id uuid, user_id uuid, name text, email text, secret_hash text)
  `.execute(db);
}

/** Ordered by seq, so history ids follow the order of events. */
async function insertHistory(db: FeedbackDb, rows: HistoryRow[]): Promise<void> {
  await sql`
    INSERT INTO feedback_history (report_id, at, actor_type, actor_id, action, from_status,
      to_status, from_agency_id, to_agency_id, visibility, message, details)
    SELECT h.report_id, h.at, h.actor_type, h.actor_id, h.action, h.from_status, h.to_status,
      h.from_agency_id, h.to_agency_id, h.visibility, h.message, h.details
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS h(seq integer, report_id uuid,
      at timestamptz, actor_type text, actor_id uuid, action text, from_status text,
      to_status text, from_agency_id uuid, to_agency_id uuid, visibility text, message text,
      details jsonb)
    ORDER BY h.seq
  `.execute(db);
}

// ————————————————————————————————————————— drawing reports

/** How many reports each day of the year gets: weekdays, holidays, seasons, slow growth. */
function reportsPerDay(rng: Random, world: World, count: number, nowMs: number): Uint32Array {
  const today = Math.floor((nowMs + VIETNAM_OFFSET_MS) / DAY_MS);
  const firstDay = today - DAYS + 1;
  const totalShare = world.categories.reduce((sum, c) => sum + c.profile.share, 0);
  const weights: number[] = [];
  for (let day = firstDay; day <= today; day += 1) {
    const date = new Date(day * DAY_MS);
    const month = date.getUTCMonth();
    const season =
      world.categories.reduce((sum, c) => sum + c.profile.share * c.profile.season[month]!, 0) /
      totalShare;
    const status = world.calendar.dayStatus(date.toISOString().slice(0, 10));
    const holiday = status.reason === 'statutory' || status.reason === 'in_lieu';
    const weekday = WEEKDAY_WEIGHT[(date.getUTCDay() + 6) % 7]!;
    // Use of the service grows through the year.
    const growth = 0.85 + (0.3 * (day - firstDay)) / DAYS;
    // Today counts only up to now.
    const elapsed = day === today ? (nowMs + VIETNAM_OFFSET_MS - day * DAY_MS) / DAY_MS : 1;
    weights.push(season * weekday * (holiday ? HOLIDAY_WEIGHT : 1) * growth * elapsed);
  }
  const cumulative = cumulate(weights);
  const perDay = new Uint32Array(DAYS);
  for (let i = 0; i < count; i += 1) perDay[rng.weighted(cumulative)]! += 1;
  return perDay;
}

const HOUR_CUMULATIVE: Readonly<Record<HourProfile, Float64Array>> = {
  day: cumulate(HOUR_WEIGHTS.day),
  evening: cumulate(HOUR_WEIGHTS.evening),
  night: cumulate(HOUR_WEIGHTS.night),
};

/** Weights of the categories in a month (0 = January): shares times seasons. */
function categoryWeightsByMonth(categories: readonly CategoryInfo[]): Float64Array[] {
  return Array.from({ length: 12 }, (_, month) =>
    cumulate(categories.map((c) => c.profile.share * c.profile.season[month]!)),
  );
}

/** Preferred answers, where some are more common than others. */
const VALUE_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  lights_out: { one: 5, two_to_five: 3, whole_street: 1.5 },
  water_depth: { below_10cm: 3, '10_30cm': 4, '30_50cm': 2, over_50cm: 1 },
  happening_now: { now: 3, recurring: 4, over: 2 },
  waste_type: { household: 5, construction: 3, bulky: 2, hazardous: 0.5 },
  sea_issue: {
    floating_waste: 4,
    beach_waste: 4,
    unsafe_boat: 2,
    oil_slick: 0.5,
    unsafe_water_sports: 1.5,
  },
};

/** Answers to the category's questions: every required one, some optional ones. */
function answersFor(rng: Random, category: CategoryInfo, submittedAt: number): Answers {
  const answers: Answers = {};
  for (const attribute of category.attributes) {
    const wanted = rng.chance(attribute.required ? 1 : 0.5);
    if (!wanted) continue;
    const values = attribute.values ?? [];
    switch (attribute.datatype) {
      case 'singlevaluelist': {
        if (values.length === 0) break;
        const preferred = VALUE_WEIGHTS[attribute.code];
        answers[attribute.code] =
          values[rng.weighted(cumulate(values.map((v) => preferred?.[v.key] ?? 1)))]!.key;
        break;
      }
      case 'multivaluelist': {
        if (values.length === 0) break;
        const chosen = values.filter(() => rng.chance(0.4)).map((v) => v.key);
        answers[attribute.code] = chosen.length > 0 ? chosen : [rng.pick(values).key];
        break;
      }
      case 'datetime':
        answers[attribute.code] = new Date(submittedAt).toISOString();
        break;
      default: {
        const free = FREE_ANSWERS[attribute.code];
        if (free) answers[attribute.code] = free(rng);
        else if (attribute.required) {
          answers[attribute.code] = attribute.datatype === 'number' ? 1 : 'Không rõ';
        }
      }
    }
  }
  return answers;
}

/** A version-4-shaped UUID from the seeded sequence, so ids are reproducible too. */
function uuidFrom(rng: Random): string {
  let hex = '';
  for (let i = 0; i < 4; i += 1) {
    hex += Math.floor(rng.next() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  }
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * Who filed it: the demo citizen's account, nobody (anonymous), or a made-up person with,
 * often, an address at a domain reserved for examples. The secret itself is random and
 * thrown away: only its SHA-256 is kept, as the module does.
 */
function reporterRow(rng: Random, draft: Draft, world: World, secret: Buffer): ReporterRow {
  const secretHash = createHash('sha256').update(secret.toString('base64url')).digest('hex');
  const female = rng.chance(0.5);
  const family = rng.pick(FAMILY_NAMES);
  const middle = rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  const given = rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  const withEmail = rng.chance(draft.source === 'desk' ? 0.35 : 0.75);
  const mailbox = `${ascii(given)}${ascii(family[0]!)}${ascii(middle[0]!)}${1960 + rng.int(46)}`;
  const domain = rng.pick(EMAIL_DOMAINS);
  if (draft.reporterUserId && world.citizen) {
    return {
      report_id: draft.id,
      user_id: world.citizen.id,
      name: world.citizen.fullName,
      email: world.citizen.email,
      secret_hash: secretHash,
    };
  }
  if (draft.anonymous) {
    return { report_id: draft.id, user_id: null, name: null, email: null, secret_hash: secretHash };
  }
  return {
    report_id: draft.id,
    user_id: null,
    name: `${family} ${middle} ${given}`,
    email: withEmail ? `${mailbox.toLowerCase()}@${domain}` : null,
    secret_hash: secretHash,
  };
}

// ————————————————————————————————————————— the loader

/**
 * Loads the demo reports unless the report table already holds some (then returns
 * `skipped`). Deterministic from `seed`, `now` and what the database holds (categories,
 * communes, agencies, staff); the reporters' secrets alone are random.
 */
export async function loadFeedbackDemoReports(
  db: Db,
  options: FeedbackDemoOptions,
): Promise<FeedbackDemoResult> {
  const fdb = db.withTables<FeedbackTables>();
  const existing = await fdb.selectFrom('feedbackReport').select('id').limit(1).executeTakeFirst();
  if (existing) return { reports: 0, historyRows: 0, skipped: true };

  const count = options.count ?? DEFAULT_DEMO_REPORTS;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const nowMs = options.now.getTime();
  const calendar = await loadWorkingCalendar(
    db,
    options.calendar ?? { timezone: DEFAULT_TIMEZONE, workingHours: DEFAULT_WORKING_HOURS },
  );
  const world = await loadWorld(fdb, calendar);
  await loadPointPools(fdb, world, count, seed);

  const rng = new Random(seed);
  const perDay = reportsPerDay(rng, world, count, nowMs);
  const today = Math.floor((nowMs + VIETNAM_OFFSET_MS) / DAY_MS);
  const firstDay = today - DAYS + 1;
  const byMonth = categoryWeightsByMonth(world.categories);
  const usedCodes = new Set<string>();
  const lastOriginal = new Map<string, Original>();
  let citizenReports = 0;
  let historyRows = 0;
  let seq = 0;

  await fdb.transaction().execute(async (trx) => {
    let reports: ReportRow[] = [];
    let reporters: ReporterRow[] = [];
    let history: HistoryRow[] = [];
    // The next batch is drawn while the database writes the previous one; a failed write
    // surfaces at the next flush at the latest.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      await writing;
      if (reports.length === 0) return;
      const batch = { reports, reporters, history };
      reports = [];
      reporters = [];
      history = [];
      historyRows += batch.history.length;
      writing = (async () => {
        await insertReports(trx, batch.reports);
        await insertReporters(trx, batch.reporters);
        for (let start = 0; start < batch.history.length; start += BATCH) {
          await insertHistory(trx, batch.history.slice(start, start + BATCH));
        }
      })();
      writing.catch(() => undefined);
    };

    for (let day = firstDay; day <= today; day += 1) {
      const n = perDay[day - firstDay]!;
      if (n === 0) continue;
      const month = new Date(day * DAY_MS).getUTCMonth();
      const dayStart = day * DAY_MS - VIETNAM_OFFSET_MS;
      const slots: Array<{ at: number; category: CategoryInfo }> = [];
      for (let i = 0; i < n; i += 1) {
        const category = world.categories[rng.weighted(byMonth[month]!)]!;
        let at: number;
        if (day === today) {
          at = dayStart + Math.floor(rng.next() * Math.max(1, nowMs - dayStart));
        } else {
          const hour = rng.weighted(HOUR_CUMULATIVE[category.profile.hours]);
          at = dayStart + hour * HOUR_MS + Math.floor(rng.next() * HOUR_MS);
        }
        slots.push({ at, category });
      }
      slots.sort((x, y) => x.at - y.at);

      const secrets = randomBytes(24 * slots.length);
      for (const [i, slot] of slots.entries()) {
        const { category } = slot;
        const commune = world.communes[rng.weighted(category.communeWeights)]!;
        const routed = world.matrix.get(`${category.code}|${commune.code}`);
        if (!routed) continue;
        const cell = `${category.code}|${commune.code}`;

        let trackingCode = newTrackingCode(new Date(slot.at), (max) => rng.int(max));
        while (usedCodes.has(trackingCode)) {
          trackingCode = newTrackingCode(new Date(slot.at), (max) => rng.int(max));
        }
        usedCodes.add(trackingCode);

        // Another person reporting what was reported here in the last ten days.
        const previous = lastOriginal.get(cell);
        const original =
          previous &&
          previous.usable &&
          slot.at - previous.submittedAt < 10 * DAY_MS &&
          rng.chance(0.15)
            ? previous
            : null;
        const point =
          original?.point ?? commune.points[rng.int(commune.poolSize) % commune.points.length]!;

        const answers = answersFor(rng, category, slot.at);
        const spot = spotIn(
          rng,
          commune,
          category.code === 'beach_bay' ? String(answers.sea_place ?? 'beach') : undefined,
        );
        const describe = DESCRIBERS[category.code];
        const description = describe
          ? describe(rng, answers, spot.phrase)
          : `Phản ánh về ${category.name.toLocaleLowerCase('vi')} ${spot.phrase}. ${rng.pick(REQUESTS)}`;

        const source: ReportSource = rng.chance(0.12) ? 'desk' : 'portal';
        // Draws are made whether or not they apply, so what the database holds (a demo
        // citizen, staff accounts) never shifts the random sequence.
        const citizenDraw = rng.chance(0.01);
        const anonymousDraw = rng.chance(category.code === 'public_security' ? 0.45 : 0.15);
        const asCitizen =
          world.citizen !== null && source === 'portal' && citizenReports < 30 && citizenDraw;
        const anonymous = !asCitizen && category.allowAnonymous && anonymousDraw;
        if (asCitizen) citizenReports += 1;
        const id = uuidFrom(rng);
        const draft: Draft = {
          id,
          trackingCode,
          category,
          commune,
          submittedAt: slot.at,
          point,
          source,
          anonymous,
          reporterUserId: asCitizen ? world.citizen!.id : null,
          reporterActor: asCitizen ? 'user' : anonymous ? 'anonymous' : 'reporter',
          original,
        };

        const life = lifeOf(rng, world, draft, routed);
        const { state, updatedAt, rows } = replay(draft, life, nowMs, seq);
        seq += rows.length;
        history.push(...rows);

        reports.push({
          seq,
          id,
          tracking_code: trackingCode,
          category_code: category.code,
          status: state.status,
          agency_id: state.agencyId,
          assignee_id: state.assigneeId,
          commune_code: commune.code,
          lon: point[0],
          lat: point[1],
          address: spot.address,
          description,
          attributes: answers,
          anonymous,
          source,
          duplicate_of_id: state.duplicateOfId,
          submitted_at: iso(slot.at)!,
          received_at: iso(state.receivedAt),
          answered_at: iso(state.answeredAt),
          closed_at: iso(state.closedAt),
          updated_at: iso(updatedAt)!,
          deadline_at: iso(state.deadlineAt)!,
          escalation_level: state.escalationLevel,
          escalated_agency_id: state.escalatedAgencyId,
          escalated_at: iso(state.escalatedAt),
          rating: state.rating,
          rating_comment: state.ratingComment,
          rated_at: iso(state.ratedAt),
          reopen_count: state.reopenCount,
        });
        reporters.push(reporterRow(rng, draft, world, secrets.subarray(24 * i, 24 * i + 24)));

        if (!original) {
          lastOriginal.set(cell, {
            id,
            trackingCode,
            point,
            submittedAt: slot.at,
            usable: state.status !== 'rejected',
          });
        }
        if (reports.length >= BATCH) await flush();
      }
    }
    await flush();
    await writing;
  });
  return { reports: usedCodes.size, historyRows, skipped: false };
}
