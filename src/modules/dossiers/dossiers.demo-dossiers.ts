/**
 * A year of demo dossiers up to `now`, so that the desks, the applicant's pages, the
 * operations center and the service-quality index show a living province on the first
 * start: some 4,000 dossiers over the twelve months before `now`, received by every commune's
 * People's Committee (more in the busy wards) and, for the province's procedures, by the
 * public administration service center (the busiest desk), of the procedures each receives,
 * submitted on working days in working hours, about seven in ten online. Each lives its life
 * on the working calendar (dossiers.demo-life.ts); the recent ones are still open.
 *
 * Deterministic from the seed, `now` and the database's content (agencies, catalog, staff),
 * ids included; only the encryption's nonces are random. Personal fields are encrypted as a
 * submission encrypts them. Codes run per agency per day as real ones do, and the counters
 * are left at the last demo number, so the next real submission of the day continues after
 * it; receipts are numbered in their agency's series for the year, as payments number them.
 *
 * Written set-based in one transaction (dossiers.demo-rows.ts): no history helper per row
 * (the demo needs no audit lines and no national synchronisation records), no PDF per dossier
 * (two small PDFs, stored once, stand for every document and every result). Nothing is
 * loaded when the register already holds a dossier.
 */
import type { AppContext } from '../../kernel/context';
import { fieldCipher } from '../../kernel/auth';
import {
  addDays,
  loadWorkingCalendar,
  localDateIn,
  zonedClock,
  type WorkingCalendar,
} from '../../kernel/calendar';
import type { Channel } from './catalog/procedure-record';
import { dossiersDb } from './dossiers-db';
import { formatDossierCode } from './submission/dossier-code';
import { formatReceiptNumber } from './payments/receipt-number';
import { formatDong } from './payments/money';
import { DemoRandom } from './dossiers.demo-random';
import { demoPdfs } from './dossiers.demo-pdf';
import { loadDemoWorld, type DemoAgency, type DemoWorld } from './dossiers.demo-world';
import {
  liveDossier,
  type DemoContents,
  type DossierDraft,
  type PaymentDraft,
} from './dossiers.demo-life';
import { insertDemoRows, type DemoRows } from './dossiers.demo-rows';

export const DEFAULT_DEMO_DOSSIERS = 4000;
export const DEFAULT_DEMO_DOSSIER_SEED = 766;
/** The service center's share of the year's dossiers; the communes share the rest. */
const CENTER_SHARE = 0.25;
/** Dossiers submitted so far today at a desk where a demo account works, at least. */
const TODAYS_QUEUE = 6;
const DAYS = 365;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** How people come: online where the procedure is offered online, mostly. */
const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = {
  TRUC_TUYEN: 78,
  TRUC_TIEP: 17,
  BUU_CHINH: 5,
};

export interface DemoDossiersOptions {
  /** The end of the demo year: nothing happens after it. */
  now: Date;
  count?: number;
  seed?: number;
}

export interface DemoDossiersResult {
  /** True when the register held dossiers already (or the catalog is missing). */
  skipped: boolean;
  dossiers: number;
  historyLines: number;
  payments: number;
}

export async function loadDemoDossiers(
  ctx: AppContext,
  options: DemoDossiersOptions,
): Promise<DemoDossiersResult> {
  const skipped = { skipped: true, dossiers: 0, historyLines: 0, payments: 0 };
  const db = dossiersDb(ctx);
  const existing = await db.selectFrom('dossier').select('id').limit(1).executeTakeFirst();
  if (existing) return skipped;
  const seed = options.seed ?? DEFAULT_DEMO_DOSSIER_SEED;
  // Loaded before the transaction: the embedded database has one connection.
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  const world = await loadDemoWorld(db, calendar, ctx.config.timezone, seed);
  if (!world) {
    ctx.log.warn('demo dossiers skipped: no procedures or no commune committees');
    return skipped;
  }
  const pdfs = await demoPdfs();
  const [document, result] = await Promise.all([
    ctx.files.put(pdfs.document),
    ctx.files.put(pdfs.result),
  ]);
  const contents: DemoContents = { document, result };

  const rng = new DemoRandom(seed);
  const now = options.now;
  const drafts = drawDrafts(rng, world, options.count ?? DEFAULT_DEMO_DOSSIERS, now);
  const cipher = fieldCipher(ctx.config);
  const seal = (text: string, id: string) => cipher.encrypt(Buffer.from(text, 'utf8'), id);
  const rows: DemoRows = {
    storedFiles: [],
    dossiers: [],
    documents: [],
    history: [],
    steps: [],
    supplements: [],
    apologies: [],
    surveys: [],
    fees: [],
    payments: [],
    counters: drafts.counters,
  };
  const payments: PaymentDraft[] = [];
  for (const draft of drafts.dossiers) {
    const life = liveDossier({ rng, world, now, contents, seal }, draft);
    rows.dossiers.push(life.dossier);
    rows.storedFiles.push(...life.storedFiles);
    rows.documents.push(...life.documents);
    for (const step of life.steps) rows.steps.push({ ...step, seq: rows.steps.length });
    for (const line of life.history) {
      line.seq = rows.history.length;
      rows.history.push(line);
    }
    if (life.supplement) rows.supplements.push(life.supplement);
    if (life.apology) rows.apologies.push(life.apology);
    if (life.survey) rows.surveys.push(life.survey);
    rows.fees.push(...life.fees);
    if (life.payment) payments.push(life.payment);
  }
  numberReceipts(payments, ctx.config.timezone);
  rows.payments = payments.map((payment) => payment.row);

  await db
    .transaction()
    .execute((trx) =>
      insertDemoRows(trx, rows, { skipReferenceChecks: ctx.database.kind === 'pglite' }),
    );
  return {
    skipped: false,
    dossiers: rows.dossiers.length,
    historyLines: rows.history.length,
    payments: rows.payments.length,
  };
}

interface Drafts {
  dossiers: DossierDraft[];
  counters: DemoRows['counters'];
}

interface WorkingDay {
  date: string;
  epochDay: number;
  /** Working minutes of the day open to submissions (today: those already past). */
  minutes: number;
}

/**
 * Which dossiers come, where and when: each agency's share of `count`, each on a working
 * day (use grows a little through the year, Mondays are busier) at a time in the working
 * hours (mornings busier), of one of the agency's procedures, by one of its channels. Then
 * numbered per agency per day in the order they came. The desks where the demo accounts
 * work get at least a morning's queue today, so whoever signs in there finds work.
 */
function drawDrafts(rng: DemoRandom, world: DemoWorld, count: number, now: Date): Drafts {
  const { calendar } = world;
  const zone = zonedClock(world.timezone);
  const periods = calendar.periods;
  const dayMinutes = periods.reduce((sum, period) => sum + period.end - period.start, 0);
  const nowWall = zone.toWall(now.getTime());
  const today = calendar.localDate(now);

  const days: WorkingDay[] = [];
  const weights: number[] = [];
  for (let back = DAYS - 1; back >= 0; back -= 1) {
    const date = addDays(today, -back);
    if (!calendar.isWorkingDay(date)) continue;
    const epochDay = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
    const minutes = back === 0 ? elapsedMinutes(periods, nowWall.msOfDay / MINUTE) : dayMinutes;
    if (minutes <= 0) continue;
    days.push({ date, epochDay, minutes });
    const growth = 0.85 + (0.3 * (DAYS - back)) / DAYS;
    const weekday = new Date(epochDay * DAY).getUTCDay() === 1 ? 1.15 : 1;
    weights.push(growth * weekday * (minutes / dayMinutes));
  }
  const cumulative = cumulate(weights);

  const centers = world.receiving.filter((agency) => agency.communes.length === 0);
  const committees = world.receiving.filter((agency) => agency.communes.length > 0);
  const committeeWeight = committees.reduce((sum, agency) => sum + agency.weight, 0);
  const centerCount = centers.length > 0 ? Math.round(count * CENTER_SHARE) : 0;
  const quota = (agency: DemoAgency): number =>
    agency.communes.length === 0
      ? Math.round(centerCount / centers.length)
      : Math.round(((count - centerCount) * agency.weight) / committeeWeight);

  const dossiers: DossierDraft[] = [];
  const counters: DemoRows['counters'] = [];
  for (const agency of [...centers, ...committees]) {
    if (agency.procedures.length === 0) continue;
    const procedures = agency.procedures.map((p) => [p, p.weight] as const);
    const mine: Array<Omit<DossierDraft, 'code'>> = [];
    const draw = (day: WorkingDay): Omit<DossierDraft, 'code'> => {
      const procedure = rng.weighted(procedures);
      const channels = procedure.tthc.CachThucThucHien.map(
        (way) => [way.Kenh, CHANNEL_WEIGHTS[way.Kenh]] as const,
      );
      return {
        id: rng.uuid(),
        agency,
        commune: agency.communes.length > 0 ? rng.pick(agency.communes) : null,
        procedure,
        channel: rng.weighted(channels),
        submittedAt: instantInDay(rng, zone, periods, day),
      };
    };
    for (let n = quota(agency); n > 0; n -= 1) mine.push(draw(days[pickIndex(rng, cumulative)]!));
    // Where the demo accounts work, today has its queue, whatever the draw gave.
    const lastDay = days[days.length - 1];
    if (lastDay?.date === today && world.staffOf(agency.id).desk.id !== null) {
      const sinceMorning = mine.filter((draft) => calendar.localDate(draft.submittedAt) === today);
      for (let n = sinceMorning.length; n < TODAYS_QUEUE; n += 1) mine.push(draw(lastDay));
    }
    mine.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    let day = '';
    let number = 0;
    for (const draft of mine) {
      const local = localDateIn(draft.submittedAt, world.timezone);
      if (local !== day) {
        if (number > 0) counters.push({ agency_id: agency.id, day, last_number: number });
        day = local;
        number = 0;
      }
      number += 1;
      dossiers.push({ ...draft, code: formatDossierCode(agency.code, local, number) });
    }
    if (number > 0) counters.push({ agency_id: agency.id, day, last_number: number });
  }
  return { dossiers, counters };
}

/** Working minutes of the day before `minuteOfDay`. */
function elapsedMinutes(periods: WorkingCalendar['periods'], minuteOfDay: number): number {
  return periods.reduce(
    (sum, period) =>
      sum + Math.min(period.end - period.start, Math.max(0, minuteOfDay - period.start)),
    0,
  );
}

/** A moment in the day's working hours (before now, today): mornings a little busier. */
function instantInDay(
  rng: DemoRandom,
  zone: ReturnType<typeof zonedClock>,
  periods: WorkingCalendar['periods'],
  day: WorkingDay,
): Date {
  // Each period's minutes still open that day, the morning's weighing 1.3 each.
  const open = periods.map((period, index) =>
    Math.max(0, Math.min(period.end - period.start, day.minutes - minutesBefore(periods, index))),
  );
  const weight = (index: number) => open[index]! * (index === 0 ? 1.3 : 1);
  let target = rng.next() * open.reduce((sum, _, index) => sum + weight(index), 0);
  let chosen = open.findIndex((minutes) => minutes > 0);
  for (let index = 0; index < periods.length; index += 1) {
    if (open[index]! <= 0) continue;
    chosen = index;
    if (target < weight(index)) break;
    target -= weight(index);
  }
  const into = Math.min(target / weight(chosen), 0.9999) * open[chosen]!;
  const ms = Math.floor((periods[chosen]!.start + into) * 60) * 1000;
  return new Date(zone.toInstant(day.epochDay, ms));
}

function minutesBefore(periods: WorkingCalendar['periods'], index: number): number {
  return periods.slice(0, index).reduce((sum, period) => sum + period.end - period.start, 0);
}

function cumulate(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += weight;
    out[index] = sum;
  });
  return out;
}

function pickIndex(rng: DemoRandom, cumulative: Float64Array): number {
  const target = rng.next() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid]! > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Receipt numbers as payments/receipt-number.ts gives them: one series per collecting agency
 * per calendar year in Vietnam, in the order the payments were confirmed. The next real
 * payment takes the series' largest number plus one, so it continues after the demo ones.
 */
function numberReceipts(payments: PaymentDraft[], timezone: string): void {
  const ordered = [...payments].sort(
    (a, b) => a.row.paid_at.localeCompare(b.row.paid_at) || a.row.id.localeCompare(b.row.id),
  );
  const last = new Map<string, number>();
  for (const payment of ordered) {
    const year = Number(localDateIn(new Date(payment.row.paid_at), timezone).slice(0, 4));
    const series = `${payment.row.agency_id}:${year}`;
    const seq = (last.get(series) ?? 0) + 1;
    last.set(series, seq);
    const number = formatReceiptNumber(payment.agencyCode, year, seq);
    Object.assign(payment.row, { receipt_number: number, receipt_year: year, receipt_seq: seq });
    if (payment.line) {
      payment.line.note = `Đã nộp ${formatDong(payment.row.amount)}, biên lai số ${number}.`;
      payment.line.details = {
        paymentId: payment.row.id,
        provider: payment.row.provider,
        method: payment.row.method,
        amount: payment.row.amount,
        receiptNumber: number,
        linesPaid: payment.linesPaid,
      };
    }
  }
}
