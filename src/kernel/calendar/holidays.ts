/**
 * Public holidays of Vietnam by rule, Labour Code 2019 (Bộ luật Lao động 45/2019/QH14),
 * article 112, in force since 1 January 2021:
 * - 1(a) Tết Dương lịch: 1 January;
 * - 1(b) Tết Âm lịch: 5 days, modelled as the last day of the lunar year (30, or 29 when the
 *   twelfth month is short) through mùng 4 Tết;
 * - 1(c) 30 April; 1(d) 1 May;
 * - 1(đ) Quốc khánh: 2 September and one adjacent day (1 or 3 September);
 * - 1(e) Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month.
 * - 3: a holiday that falls on the weekly rest day (Saturday or Sunday for public offices)
 *   is made up on the next working day (nghỉ bù).
 * What the government decides each year on top (bridging days, make-up Saturdays, the
 * exact placement of Tết days) is not a rule; it lives in the `calendar_exception` table.
 */
import { epochDayOf, isWeekend, localDateOf, type LocalDate } from './local-date';
import { lunarNewYear, fromLunar, toLunar } from './lunar';

export interface NamedDay {
  date: LocalDate;
  /** Vietnamese name, shown first. */
  name: string;
  nameEn: string;
}

/** Why a day is off: the law's list, a make-up day for a holiday on a weekend, or a decision. */
export type DayOffKind = 'statutory' | 'in_lieu' | 'exception';

export interface DayOff extends NamedDay {
  kind: DayOffKind;
}

/** Which day joins 2 September: the law lets the government pick 1 or 3 September. */
export type NationalDayAdjacent = 'before' | 'after';

const TET_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

/** The statutory holidays of a Gregorian year, in date order. */
export function statutoryHolidays(
  year: number,
  nationalDayAdjacent: NationalDayAdjacent = 'after',
): NamedDay[] {
  const date = (month: number, day: number): LocalDate =>
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const tet = epochDayOf(lunarNewYear(year));
  const eve = localDateOf(tet - 1);
  const days: NamedDay[] = [
    { date: date(1, 1), name: 'Tết Dương lịch', nameEn: "New Year's Day" },
    {
      date: eve,
      name: `Tết Nguyên đán (${toLunar(eve).day} tháng Chạp)`,
      nameEn: "Lunar New Year's Eve",
    },
    ...TET_DAY_NAMES.map((dayName, i) => ({
      date: localDateOf(tet + i),
      name: `Tết Nguyên đán (${dayName})`,
      nameEn: `Lunar New Year (day ${i + 1})`,
    })),
    {
      date: fromLunar(10, 3, year),
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      nameEn: "Hùng Kings' Commemoration Day",
    },
    {
      date: date(4, 30),
      name: 'Ngày Chiến thắng',
      nameEn: 'Reunification Day',
    },
    { date: date(5, 1), name: 'Ngày Quốc tế lao động', nameEn: 'International Labour Day' },
    { date: date(9, 2), name: 'Quốc khánh', nameEn: 'National Day' },
    {
      date: nationalDayAdjacent === 'before' ? date(9, 1) : date(9, 3),
      name: 'Quốc khánh (ngày nghỉ liền kề)',
      nameEn: 'National Day (adjacent day)',
    },
  ];
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Article 112(3): each holiday on a Saturday or Sunday gives the next day that is neither a
 * weekend, a holiday nor an earlier make-up day. Holidays are taken in date order, so a
 * 30 April on Saturday and 1 May on Sunday give Monday 2 and Tuesday 3 May.
 */
export function inLieuDays(holidays: readonly NamedDay[]): NamedDay[] {
  const taken = new Set(holidays.map((h) => epochDayOf(h.date)));
  const result: NamedDay[] = [];
  for (const holiday of holidays) {
    const day = epochDayOf(holiday.date);
    if (!isWeekend(day)) continue;
    let candidate = day + 1;
    while (isWeekend(candidate) || taken.has(candidate)) candidate += 1;
    taken.add(candidate);
    result.push({
      date: localDateOf(candidate),
      name: `Nghỉ bù ${holiday.name}`,
      nameEn: `${holiday.nameEn} (in lieu)`,
    });
  }
  return result;
}

/** Statutory holidays and their make-up days for a year, in date order. */
export function publicHolidays(
  year: number,
  nationalDayAdjacent: NationalDayAdjacent = 'after',
): DayOff[] {
  const statutory = statutoryHolidays(year, nationalDayAdjacent);
  const days: DayOff[] = [
    ...statutory.map((d) => ({ ...d, kind: 'statutory' as const })),
    ...inLieuDays(statutory).map((d) => ({ ...d, kind: 'in_lieu' as const })),
  ];
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
