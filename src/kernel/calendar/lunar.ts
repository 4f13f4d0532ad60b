/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from astronomy rather than read from
 * a table, so it keeps working for any year the platform meets.
 *
 * The rules of the calendar:
 * - a month begins on the local day (UTC+7) that holds the astronomical new moon;
 * - month 11 is the month that contains the winter solstice (the sun at longitude 270°);
 * - when 13 months begin between two consecutive month-11s, the first of them (after month
 *   11) that contains no major solar term (the sun crossing a multiple of 30°) is a leap
 *   month and repeats the number of the month before it.
 * Using UTC+7 rather than China's UTC+8 is what makes Vietnamese Tết differ from Chinese
 * New Year in some years (1985, 2007, 2030).
 *
 * Astronomy: the true new moon is the mean lunation corrected by the periodic terms of the
 * Sun's and Moon's anomalies and the Moon's argument of latitude, and the Sun's apparent
 * longitude is its mean longitude plus the equation of centre (Jean Meeus, Astronomical
 * Formulae for Calculators / Astronomical Algorithms). These low-precision series are the
 * ones the published Vietnamese calendar algorithm uses, so the results agree with the
 * calendars printed in Vietnam; this file accepts the years 1800–2199 where they hold.
 */
import { epochDayFromParts, epochDayOf, localDateOf, type LocalDate } from './local-date';

export interface LunarDate {
  day: number;
  month: number;
  /** Lunar year number; month 1 of year Y begins in January or February of Gregorian year Y. */
  year: number;
  /** Whether the month is the leap (intercalary) repeat of `month`. */
  leap: boolean;
}

/** Hours east of Greenwich of the Vietnamese calendar. */
const VIETNAM_UTC_OFFSET_HOURS = 7;
/** Julian day number of 1970-01-01 (epoch day 0). */
const JDN_OF_EPOCH_DAY_0 = 2_440_588;
/** Julian day number of 1900-01-01, the day of lunation k = 0 of the series below. */
const JDN_1900_01_01 = 2_415_021;
/** Julian date of the mean new moon of lunation 0. */
const LUNATION_0_JD = 2_415_021.076998695;
const SYNODIC_MONTH_DAYS = 29.530588853;
/** Julian date of J2000.0, epoch of the solar series. */
const J2000_JD = 2_451_545;
export const FIRST_LUNAR_YEAR = 1800;
export const LAST_LUNAR_YEAR = 2199;

const RAD = Math.PI / 180;
const sinDeg = (degrees: number): number => Math.sin(degrees * RAD);

/** Julian date (UT) of the true new moon of lunation k counted from January 1900. */
function newMoonJulianDate(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900.0
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2_415_020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * sinDeg(166.56 + 132.87 * t - 0.009173 * t2);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const correction =
    (0.1734 - 0.000393 * t) * sinDeg(sunAnomaly) +
    0.0021 * sinDeg(2 * sunAnomaly) -
    0.4068 * sinDeg(moonAnomaly) +
    0.0161 * sinDeg(2 * moonAnomaly) -
    0.0004 * sinDeg(3 * moonAnomaly) +
    0.0104 * sinDeg(2 * moonLatitude) -
    0.0051 * sinDeg(sunAnomaly + moonAnomaly) -
    0.0074 * sinDeg(sunAnomaly - moonAnomaly) +
    0.0004 * sinDeg(2 * moonLatitude + sunAnomaly) -
    0.0004 * sinDeg(2 * moonLatitude - sunAnomaly) -
    0.0006 * sinDeg(2 * moonLatitude + moonAnomaly) +
    0.001 * sinDeg(2 * moonLatitude - moonAnomaly) +
    0.0005 * sinDeg(sunAnomaly + 2 * moonAnomaly);
  // The series gives Ephemeris Time; ΔT (in days) brings it back to Universal Time.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t2 * t2
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** Julian day number of the Vietnamese civil day on which lunation k's new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJulianDate(k) + 0.5 + VIETNAM_UTC_OFFSET_HOURS / 24);
}

/** The Sun's apparent longitude, in degrees [0, 360), at the local midnight opening a day. */
function sunLongitudeAtDayStart(jdn: number): number {
  const t = (jdn - 0.5 - VIETNAM_UTC_OFFSET_HOURS / 24 - J2000_JD) / 36_525;
  const t2 = t * t;
  const meanAnomaly = 357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t2 * t;
  const meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * sinDeg(meanAnomaly) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * meanAnomaly) +
    0.00029 * sinDeg(3 * meanAnomaly);
  const longitude = (meanLongitude + centre) % 360;
  return longitude < 0 ? longitude + 360 : longitude;
}

/** Which 30° sector (major solar term) the sun is in when the day begins: 0 … 11. */
function solarTermAtDayStart(jdn: number): number {
  return Math.floor(sunLongitudeAtDayStart(jdn) / 30);
}

/** Lunation number whose mean new moon is nearest to the given day. */
function nearestLunation(jdn: number): number {
  return Math.round((jdn - LUNATION_0_JD) / SYNODIC_MONTH_DAYS);
}

/** First day (JDN) of month 11, the month holding the winter solstice of Gregorian year `year`. */
function month11Start(year: number): number {
  const lastDay = epochDayFromParts(year, 12, 31) + JDN_OF_EPOCH_DAY_0;
  // The last lunation whose mean new moon falls in the year, give or take the hours by
  // which the true new moon departs from the mean one.
  const k = Math.floor((lastDay - JDN_1900_01_01) / SYNODIC_MONTH_DAYS);
  const start = newMoonDay(k);
  // A month that begins with the sun already past 270° began after the solstice, so the
  // solstice belongs to the month before it.
  return sunLongitudeAtDayStart(start) >= 270 ? newMoonDay(k - 1) : start;
}

interface LunarMonth {
  /** Julian day number of day 1. */
  firstDay: number;
  month: number;
  year: number;
  leap: boolean;
}

/**
 * The lunar months from month 11 containing the solstice of December `year - 1` up to, not
 * including, the month 11 containing the solstice of December `year`.
 */
function monthsBetweenSolstices(year: number): LunarMonth[] {
  const cached = monthCache.get(year);
  if (cached) return cached;
  const from = month11Start(year - 1);
  const until = month11Start(year);
  const k0 = nearestLunation(from);
  const starts: number[] = [];
  for (let i = 0; newMoonDay(k0 + i) < until; i += 1) starts.push(newMoonDay(k0 + i));
  starts.push(until);
  const count = starts.length - 1;

  let leapIndex = -1;
  if (count === 13) {
    // The leap month is the first after month 11 during which the sun enters no new
    // sector: the sector is the same when it begins and when the next month begins.
    for (let i = 1; i < count && leapIndex < 0; i += 1) {
      if (solarTermAtDayStart(starts[i]!) === solarTermAtDayStart(starts[i + 1]!)) leapIndex = i;
    }
    if (leapIndex < 0) throw new Error(`no leap month found for the lunar year ${year}`);
  }

  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i += 1) {
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
    const month = ((ordinal + 10) % 12) + 1; // ordinal 0 is month 11
    months.push({
      firstDay: starts[i]!,
      month,
      year: month >= 11 ? year - 1 : year,
      leap: i === leapIndex,
    });
  }
  monthCache.set(year, months);
  return months;
}

/** Month tables are pure functions of the year; keep the few years a process meets. */
const monthCache = new Map<number, LunarMonth[]>();

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) {
    throw new RangeError(
      `the lunar calendar is computed for ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR} (got ${year})`,
    );
  }
}

/** The lunar date of a Gregorian calendar date (as lived in Vietnam, UTC+7). */
export function toLunar(date: LocalDate): LunarDate {
  const jdn = epochDayOf(date) + JDN_OF_EPOCH_DAY_0;
  const gregorianYear = Number(date.slice(0, 4));
  checkYear(gregorianYear);
  // Days from the December solstice month onwards belong to the next solstice year.
  const solsticeYear = jdn >= month11Start(gregorianYear) ? gregorianYear + 1 : gregorianYear;
  const months = monthsBetweenSolstices(solsticeYear);
  let current = months[0]!;
  for (const month of months) if (month.firstDay <= jdn) current = month;
  return {
    day: jdn - current.firstDay + 1,
    month: current.month,
    year: current.year,
    leap: current.leap,
  };
}

/**
 * The Gregorian date of a lunar date. Throws RangeError when that date does not exist:
 * day 30 of a 29-day month, or a leap month the year does not have.
 */
export function fromLunar(day: number, month: number, year: number, leap = false): LocalDate {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`lunar month must be 1–12 (got ${month})`);
  }
  // Months 11 and 12 of lunar year Y lie between the solstices of Y and Y + 1.
  const months = monthsBetweenSolstices(month >= 11 ? year + 1 : year);
  const index = months.findIndex((m) => m.month === month && m.leap === leap && m.year === year);
  const target = months[index];
  if (!target) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
  const next = months[index + 1]?.firstDay ?? month11Start(month >= 11 ? year + 1 : year);
  const length = next - target.firstDay;
  if (!Number.isInteger(day) || day < 1 || day > length) {
    throw new RangeError(`lunar month ${month}/${year} has ${length} days (got day ${day})`);
  }
  return localDateOf(target.firstDay + day - 1 - JDN_OF_EPOCH_DAY_0);
}

/** Mùng 1 Tết: the first day of month 1 of lunar year `year`. */
export function lunarNewYear(year: number): LocalDate {
  return fromLunar(1, 1, year, false);
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(month: number, year: number, leap = false): 29 | 30 {
  const first = fromLunar(1, month, year, leap);
  const firstJdn = epochDayOf(first) + JDN_OF_EPOCH_DAY_0;
  const months = monthsBetweenSolstices(month >= 11 ? year + 1 : year);
  const index = months.findIndex((m) => m.firstDay === firstJdn);
  const next = months[index + 1]?.firstDay ?? month11Start(month >= 11 ? year + 1 : year);
  return next - firstJdn === 30 ? 30 : 29;
}
