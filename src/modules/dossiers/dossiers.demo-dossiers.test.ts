import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ManualClock } from '../../kernel/clock';
import { fieldCipher } from '../../kernel/auth';
import {
  loadWorkingCalendar,
  localDateIn,
  zonedClock,
  type WorkingCalendar,
} from '../../kernel/calendar';
import { validateForm, type FormDefinition } from '../../kernel/forms';
import type { ProcedureTthc } from './catalog/procedure-record';
import { appointmentFor } from './deadlines';
import { dossiersDb, type DossiersDb } from './dossiers-db';
import { seedDossiersDemo } from './dossiers.seed';
import { loadDemoDossiers, type DemoDossiersResult } from './dossiers.demo-dossiers';
import {
  createDossiersWorld,
  HA_LONG,
  SERVICE_CENTER,
  submitBirth,
  type DossiersWorld,
} from './dossiers.test-support';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4,}$/;
const OPEN = ['submitted', 'received', 'processing', 'supplement_requested'];

const share = (part: number, whole: number) => part / whole;

/** The rows of every table the demo writes, to see that a second seeding adds none. */
async function tableCounts(db: DossiersDb): Promise<Record<string, number>> {
  const tables = [
    'dossier',
    'dossier_document',
    'dossier_history',
    'dossier_step',
    'dossier_supplement',
    'dossier_apology',
    'dossier_survey',
    'dossier_fee',
    'dossier_payment',
    'dossier_counter',
    'stored_file',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
    counts[table] = Number(row.rows[0]!.n);
  }
  return counts;
}

describe('a year of demo dossiers', () => {
  // Wednesday 18 November 2026, 14:30 in Vietnam.
  const clock = new ManualClock(new Date('2026-11-18T07:30:00Z'));
  const now = clock.now();
  let w: DossiersWorld;
  let db: DossiersDb;
  let calendar: WorkingCalendar;
  let loaded: DemoDossiersResult;

  type Row = {
    id: string;
    code: string;
    status: string;
    channel: 'TRUC_TUYEN' | 'TRUC_TIEP' | 'BUU_CHINH';
    receivingAgencyId: string;
    agencyCode: string;
    agencyKind: string;
    communeCode: string | null;
    procedureCode: string;
    procedureAgencyId: string | null;
    tthc: ProcedureTthc;
    form: FormDefinition;
    submittedAt: Date;
    receivedAt: Date | null;
    dueAt: Date | null;
    finishedAt: Date | null;
    returnedAt: Date | null;
    pausedAt: Date | null;
    currentStep: number | null;
    refusalReason: string | null;
    resultFileId: string | null;
    resultSigned: boolean;
    applicantIdNumber: string;
    formValues: string;
  };
  let dossiers: Row[];

  beforeAll(async () => {
    w = await createDossiersWorld(clock);
    db = dossiersDb(w.t.ctx);
    calendar = await loadWorkingCalendar(w.t.ctx.db, w.t.ctx.config);
    loaded = await loadDemoDossiers(w.t.ctx, { now });
    dossiers = await db
      .selectFrom('dossier')
      .innerJoin('agency', 'agency.id', 'dossier.receivingAgencyId')
      .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
      .select([
        'dossier.id',
        'dossier.code',
        'dossier.status',
        'dossier.channel',
        'dossier.receivingAgencyId',
        'agency.code as agencyCode',
        'agency.kind as agencyKind',
        'dossier.communeCode',
        'dossier.procedureCode',
        'procedure.receivingAgencyId as procedureAgencyId',
        'procedure.tthc',
        'procedure.form',
        'dossier.submittedAt',
        'dossier.receivedAt',
        'dossier.dueAt',
        'dossier.finishedAt',
        'dossier.returnedAt',
        'dossier.pausedAt',
        'dossier.currentStep',
        'dossier.refusalReason',
        'dossier.resultFileId',
        'dossier.resultSigned',
        'dossier.applicantIdNumber',
        'dossier.formValues',
      ])
      .execute();
  }, 180_000);
  afterAll(() => w?.close());

  it('makes some 4,000 dossiers over the twelve months before now, at every receiving agency, the service center busiest', async () => {
    expect(loaded.skipped).toBe(false);
    expect(dossiers.length).toBe(loaded.dossiers);
    expect(dossiers.length).toBeGreaterThanOrEqual(3000);
    expect(dossiers.length).toBeLessThanOrEqual(5000);
    for (const d of dossiers) {
      expect(d.submittedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(d.submittedAt.getTime()).toBeGreaterThan(now.getTime() - 366 * DAY);
    }
    const byAgency = new Map<string, number>();
    for (const d of dossiers) byAgency.set(d.agencyCode, (byAgency.get(d.agencyCode) ?? 0) + 1);
    const center = byAgency.get(SERVICE_CENTER) ?? 0;
    const busiestCommune = Math.max(
      ...[...byAgency].filter(([code]) => code !== SERVICE_CENTER).map(([, n]) => n),
    );
    expect(center).toBeGreaterThan(busiestCommune);
    const committees = await db
      .selectFrom('agency')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'commune_committee')
      .executeTakeFirstOrThrow();
    // Every commune's committee and the service center.
    expect(byAgency.size).toBe(Number(committees.n) + 1);
  });

  it('has each agency receive only the procedures it receives, by the channels they offer, about seven in ten online', async () => {
    const served = await db
      .selectFrom('agencyCommune')
      .select(['agencyId', 'communeCode'])
      .execute();
    const communesOf = new Map<string, Set<string>>();
    for (const row of served) {
      communesOf.set(
        row.agencyId,
        (communesOf.get(row.agencyId) ?? new Set()).add(row.communeCode),
      );
    }
    for (const d of dossiers) {
      if (d.procedureAgencyId) {
        expect(d.receivingAgencyId).toBe(d.procedureAgencyId);
        expect(d.communeCode).toBeNull();
      } else {
        expect(d.agencyKind).toBe('commune_committee');
        expect(communesOf.get(d.receivingAgencyId)?.has(d.communeCode!)).toBe(true);
      }
      expect(d.tthc.CachThucThucHien.map((way) => way.Kenh)).toContain(d.channel);
    }
    const count = (channel: string) => dossiers.filter((d) => d.channel === channel).length;
    expect(share(count('TRUC_TUYEN'), dossiers.length)).toBeGreaterThan(0.62);
    expect(share(count('TRUC_TUYEN'), dossiers.length)).toBeLessThan(0.78);
    expect(share(count('TRUC_TIEP'), dossiers.length)).toBeGreaterThan(0.18);
    expect(share(count('TRUC_TIEP'), dossiers.length)).toBeLessThan(0.32);
    expect(share(count('BUU_CHINH'), dossiers.length)).toBeGreaterThan(0.02);
    expect(share(count('BUU_CHINH'), dossiers.length)).toBeLessThan(0.08);
  });

  it('has them submitted on working days in working hours, received within a few working hours, due by the procedure’s time', async () => {
    const zone = zonedClock(w.t.ctx.config.timezone);
    const paused = new Set(
      (await db.selectFrom('dossierSupplement').select('dossierId').execute()).map(
        (row) => row.dossierId,
      ),
    );
    let checkedDue = 0;
    for (const d of dossiers) {
      expect(calendar.isWorkingDay(calendar.localDate(d.submittedAt))).toBe(true);
      const minute = zone.toWall(d.submittedAt.getTime()).msOfDay / 60_000;
      expect(calendar.periods.some((p) => minute >= p.start && minute < p.end)).toBe(true);
      if (!d.receivedAt) continue;
      if (d.channel === 'TRUC_TUYEN') {
        expect(calendar.workingTimeBetween(d.submittedAt, d.receivedAt)).toBeLessThanOrEqual(
          8 * HOUR,
        );
      } else {
        expect(d.receivedAt).toEqual(d.submittedAt);
      }
      if (paused.has(d.id)) continue;
      const way = d.tthc.CachThucThucHien.find((entry) => entry.Kenh === d.channel)!;
      expect(d.dueAt).toEqual(
        appointmentFor(calendar, d.receivedAt, {
          amount: way.ThoiGianGiaiQuyet,
          unit: way.DonViTinh,
        }),
      );
      checkedDue += 1;
    }
    expect(checkedDue).toBeGreaterThan(dossiers.length * 0.8);
  });

  it('numbers them in the national format per agency per day, and leaves the counters at the last number', async () => {
    const codes = new Set(dossiers.map((d) => d.code));
    expect(codes.size).toBe(dossiers.length);
    const byDay = new Map<string, Row[]>();
    for (const d of dossiers) {
      expect(d.code).toMatch(CODE);
      const day = localDateIn(d.submittedAt, w.t.ctx.config.timezone);
      expect(
        d.code.startsWith(
          `${d.agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`,
        ),
      ).toBe(true);
      const key = `${d.receivingAgencyId}|${day}`;
      byDay.set(key, [...(byDay.get(key) ?? []), d]);
    }
    const counters = await db.selectFrom('dossierCounter').selectAll().execute();
    expect(counters).toHaveLength(byDay.size);
    for (const counter of counters) {
      const day = byDay.get(`${counter.agencyId}|${counter.day}`)!;
      expect(counter.lastNumber).toBe(day.length);
      const numbers = day
        .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
        .map((d) => Number(d.code.split('-').pop()));
      expect(numbers).toEqual(day.map((_, i) => i + 1));
    }
  });

  it('refuses a few with a reason, finishes most before the appointment, a few late with an apology and a new appointment', async () => {
    const refused = dossiers.filter((d) => d.status === 'refused');
    expect(share(refused.length, dossiers.length)).toBeGreaterThan(0.015);
    expect(share(refused.length, dossiers.length)).toBeLessThan(0.05);
    for (const d of refused) {
      expect(d.refusalReason).toBeTruthy();
      expect(d.finishedAt).not.toBeNull();
      expect(d.resultFileId).toBeNull();
    }
    const apologies = await db.selectFrom('dossierApology').selectAll().execute();
    const firstDue = new Map(apologies.map((a) => [a.dossierId, a.previousDueAt]));
    const finished = dossiers.filter((d) => d.status === 'resolved' || d.status === 'returned');
    const late = finished.filter(
      (d) => d.finishedAt!.getTime() > (firstDue.get(d.id) ?? d.dueAt!).getTime(),
    );
    expect(share(late.length, finished.length)).toBeGreaterThan(0.01);
    expect(share(late.length, finished.length)).toBeLessThan(0.08);
    expect(apologies.length).toBeGreaterThan(0);
    for (const apology of apologies) {
      expect(apology.newDueAt.getTime()).toBeGreaterThan(apology.issuedAt.getTime());
      expect(apology.issuedAt.getTime()).toBeGreaterThan(apology.previousDueAt.getTime());
      expect(calendar.isWorkingDay(calendar.localDate(apology.newDueAt))).toBe(true);
    }
    // Returned soon after the result: at once when taken online, within days otherwise.
    for (const d of finished.filter((d) => d.returnedAt)) {
      expect(calendar.workingTimeBetween(d.finishedAt!, d.returnedAt!)).toBeLessThanOrEqual(
        24 * HOUR,
      );
    }
  });

  it('leaves the recent ones open at every stage, with their active step, so the desks have work today', async () => {
    const statuses = new Set(dossiers.map((d) => d.status));
    for (const status of [...OPEN, 'resolved', 'returned', 'refused']) {
      expect(statuses, status).toContain(status);
    }
    const active = await db
      .selectFrom('dossierStep')
      .select(['dossierId', 'stepNo', 'kind', 'dueAt'])
      .where('status', '=', 'active')
      .execute();
    const activeOf = new Map<string, typeof active>();
    for (const step of active)
      activeOf.set(step.dossierId, [...(activeOf.get(step.dossierId) ?? []), step]);
    for (const d of dossiers) {
      const steps = activeOf.get(d.id) ?? [];
      if (['received', 'processing', 'supplement_requested', 'resolved'].includes(d.status)) {
        expect(steps, d.code).toHaveLength(1);
        expect(steps[0]!.stepNo).toBe(d.currentStep);
      } else {
        expect(steps, d.code).toHaveLength(0);
      }
    }
    expect(new Set(active.map((step) => step.kind))).toEqual(
      new Set(['review', 'approval', 'signing', 'return']),
    );
    const asking = await db
      .selectFrom('dossierSupplement')
      .select('dossierId')
      .where('suppliedAt', 'is', null)
      .execute();
    const waiting = dossiers.filter((d) => d.status === 'supplement_requested');
    expect(waiting.length).toBeGreaterThan(0);
    expect(new Set(asking.map((row) => row.dossierId))).toEqual(new Set(waiting.map((d) => d.id)));
    for (const d of waiting) expect(d.pausedAt).not.toBeNull();
    const lateAndOpen = dossiers.filter(
      (d) => ['received', 'processing'].includes(d.status) && d.dueAt!.getTime() < now.getTime(),
    );
    expect(lateAndOpen.length).toBeGreaterThan(0);

    // The desk officer of Hạ Long ward finds dossiers of the ward in the list.
    const list = await w.t.app.inject({
      method: 'GET',
      url: '/api/dossiers?box=all&pageSize=5',
      headers: w.desk,
    });
    expect(list.statusCode, list.body).toBe(200);
    const mine = dossiers.filter((d) => d.agencyCode === HA_LONG);
    expect(list.json().total).toBe(mine.length);
    expect(mine.filter((d) => OPEN.includes(d.status)).length).toBeGreaterThan(0);
  });

  it('keeps the documents, one shared demo file each record, scanned at the desk for most paper dossiers', async () => {
    const documents = await db
      .selectFrom('dossierDocument')
      .innerJoin('storedFile', 'storedFile.id', 'dossierDocument.storedFileId')
      .select([
        'dossierDocument.dossierId',
        'dossierDocument.origin',
        'storedFile.ownerType',
        'storedFile.ownerId',
        'storedFile.sha256',
      ])
      .execute();
    const byDossier = new Map<string, typeof documents>();
    for (const d of documents)
      byDossier.set(d.dossierId, [...(byDossier.get(d.dossierId) ?? []), d]);
    const online = dossiers.filter((d) => d.channel === 'TRUC_TUYEN');
    const paper = dossiers.filter((d) => d.channel !== 'TRUC_TUYEN');
    for (const d of online) expect(byDossier.get(d.id)?.length ?? 0, d.code).toBeGreaterThan(0);
    for (const d of paper) {
      for (const document of byDossier.get(d.id) ?? []) expect(document.origin).toBe('scan');
    }
    const scanned = paper.filter((d) => byDossier.has(d.id)).length;
    expect(share(scanned, paper.length)).toBeGreaterThan(0.75);
    expect(share(scanned, paper.length)).toBeLessThan(0.95);
    const onlineDocuments = documents.filter((d) => d.origin !== 'scan');
    const reused = onlineDocuments.filter((d) => d.origin === 'reuse').length;
    expect(share(reused, onlineDocuments.length)).toBeGreaterThan(0.05);
    expect(share(reused, onlineDocuments.length)).toBeLessThan(0.15);
    for (const document of documents) {
      expect(document.ownerType).toBe('dossier');
      expect(document.ownerId).toBe(document.dossierId);
    }
    const contents = new Set(documents.map((d) => d.sha256));
    expect(contents.size).toBe(1);
    expect(await w.t.ctx.files.has([...contents][0]!)).toBe(true);
  });

  it('gives the finished ones a result on file, nine in ten digitally signed', async () => {
    const finished = dossiers.filter((d) => d.status === 'resolved' || d.status === 'returned');
    const results = await db
      .selectFrom('storedFile')
      .select(['id', 'ownerId', 'sha256'])
      .where('ownerType', '=', 'dossier_result')
      .execute();
    const byId = new Map(results.map((r) => [r.id, r]));
    for (const d of finished) expect(byId.get(d.resultFileId!)?.ownerId, d.code).toBe(d.id);
    expect(results).toHaveLength(finished.length);
    const contents = new Set(results.map((r) => r.sha256));
    expect(contents.size).toBe(1);
    expect(await w.t.ctx.files.has([...contents][0]!)).toBe(true);
    const signed = finished.filter((d) => d.resultSigned).length;
    expect(share(signed, finished.length)).toBeGreaterThan(0.85);
    expect(share(signed, finished.length)).toBeLessThan(0.95);
  });

  it('has fees paid online through VNPay or at the desk, with receipts numbered in each agency’s yearly series', async () => {
    const payments = await db
      .selectFrom('dossierPayment')
      .innerJoin('agency', 'agency.id', 'dossierPayment.agencyId')
      .select([
        'dossierPayment.id',
        'dossierPayment.provider',
        'dossierPayment.status',
        'dossierPayment.amount',
        'dossierPayment.paidAt',
        'dossierPayment.receiptNumber',
        'dossierPayment.receiptYear',
        'dossierPayment.receiptSeq',
        'dossierPayment.txnRef',
        'agency.code as agencyCode',
        'dossierPayment.agencyId',
      ])
      .orderBy('dossierPayment.paidAt')
      .execute();
    expect(payments.length).toBeGreaterThan(500);
    const online = payments.filter((p) => p.provider === 'vnpay').length;
    expect(share(online, payments.length)).toBeGreaterThan(0.35);
    expect(share(online, payments.length)).toBeLessThan(0.55);
    expect(new Set(payments.map((p) => p.receiptNumber)).size).toBe(payments.length);
    expect(new Set(payments.map((p) => p.txnRef)).size).toBe(payments.length);
    const series = new Map<string, Array<{ seq: number; paidAt: Date }>>();
    for (const p of payments) {
      expect(p.status).toBe('paid');
      expect(['vnpay', 'desk']).toContain(p.provider);
      const year = Number(localDateIn(p.paidAt!, w.t.ctx.config.timezone).slice(0, 4));
      expect(p.receiptYear).toBe(year);
      expect(p.receiptNumber).toBe(
        `${p.agencyCode}-BL${year}-${String(p.receiptSeq).padStart(6, '0')}`,
      );
      const key = `${p.agencyId}|${year}`;
      series.set(key, [...(series.get(key) ?? []), { seq: p.receiptSeq!, paidAt: p.paidAt! }]);
    }
    // Each series runs from 1 without a gap, in the order the payments were confirmed.
    for (const receipts of series.values()) {
      receipts.sort((a, b) => a.seq - b.seq);
      expect(receipts.map((r) => r.seq)).toEqual(receipts.map((_, i) => i + 1));
      const times = receipts.map((r) => r.paidAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const lines = await db
      .selectFrom('dossierFee')
      .select(['paymentId', 'amount', 'status'])
      .execute();
    const paidBy = new Map<string, number>();
    for (const line of lines) {
      if (line.status === 'paid') {
        paidBy.set(line.paymentId!, (paidBy.get(line.paymentId!) ?? 0) + Number(line.amount));
      }
    }
    for (const p of payments) expect(paidBy.get(p.id)).toBe(Number(p.amount));
    const history = await db
      .selectFrom('dossierHistory')
      .select(['note', 'details'])
      .where('action', '=', 'fee_paid')
      .execute();
    expect(history).toHaveLength(payments.length);
    const numbers = new Set(payments.map((p) => p.receiptNumber));
    for (const line of history)
      expect(numbers.has(line.details.receiptNumber as string)).toBe(true);
  });

  it('has about a third of the returned dossiers rated, mostly 4 or 5', async () => {
    const returned = dossiers.filter((d) => d.status === 'returned');
    const surveys = await db.selectFrom('dossierSurvey').select(['dossierId', 'rating']).execute();
    const ids = new Set(returned.map((d) => d.id));
    for (const survey of surveys) expect(ids.has(survey.dossierId)).toBe(true);
    expect(share(surveys.length, returned.length)).toBeGreaterThan(0.28);
    expect(share(surveys.length, returned.length)).toBeLessThan(0.42);
    const good = surveys.filter((s) => s.rating >= 4).length;
    expect(share(good, surveys.length)).toBeGreaterThan(0.8);
  });

  it('tells each dossier’s story in its history, its current status on its timeline', async () => {
    const history = await db
      .selectFrom('dossierHistory')
      .select(['dossierId', 'action', 'status', 'at', 'agencyId', 'actorName'])
      .orderBy('id')
      .execute();
    expect(history).toHaveLength(loaded.historyLines);
    const byDossier = new Map<string, typeof history>();
    for (const line of history)
      byDossier.set(line.dossierId, [...(byDossier.get(line.dossierId) ?? []), line]);
    const actions = new Set(history.map((line) => line.action));
    for (const action of [
      'submitted',
      'received',
      'forwarded',
      'approved',
      'signed',
      'returned',
      'refused',
      'supplement_requested',
      'supplied',
      'apology_issued',
      'fee_paid',
      'rated',
    ]) {
      expect(actions, action).toContain(action);
    }
    for (const d of dossiers) {
      const lines = byDossier.get(d.id)!;
      expect(lines[0]!.action).toBe('submitted');
      expect(lines[0]!.at).toEqual(d.submittedAt);
      expect(lines.filter((line) => line.action === 'submitted')).toHaveLength(1);
      expect(
        lines.some((line) => line.status === d.status),
        d.code,
      ).toBe(true);
      for (const line of lines) {
        expect(line.agencyId).not.toBeNull();
        expect(line.at.getTime()).toBeLessThanOrEqual(now.getTime());
      }
      // In the order things happened.
      const times = lines.map((line) => line.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(
      history.filter((line) => line.action !== 'fee_paid').every((line) => line.actorName),
    ).toBe(true);
  });

  it('encrypts the personal data as a submission does: the identity number and a form the procedure accepts', async () => {
    const cipher = fieldCipher(w.t.ctx.config);
    for (const d of dossiers) {
      expect(d.applicantIdNumber).not.toMatch(/^[0-9]{12}$/);
      expect(cipher.decrypt(d.applicantIdNumber, d.id).toString('utf8')).toMatch(/^[0-9]{12}$/);
      const values = JSON.parse(cipher.decrypt(d.formValues, d.id).toString('utf8'));
      const checked = validateForm(d.form, values, {
        today: localDateIn(d.submittedAt, w.t.ctx.config.timezone),
      });
      expect(checked.ok ? [] : checked.errors, `${d.procedureCode} ${d.code}`).toEqual([]);
    }
  });

  it('leaves no reference dangling', async () => {
    // Foreign keys of the tables the demo writes, checked row by row here (the embedded
    // database loads them without the per-row checks).
    const keys = await sql<{ child: string; column: string; parent: string; key: string }>`
      SELECT c.conrelid::regclass::text AS child, a.attname AS "column",
             c.confrelid::regclass::text AS parent, pa.attname AS key
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND c.conrelid::regclass::text IN (
        'dossier', 'dossier_document', 'dossier_history', 'dossier_step', 'dossier_supplement',
        'dossier_apology', 'dossier_survey', 'dossier_fee', 'dossier_payment', 'dossier_counter',
        'stored_file')`.execute(db);
    expect(keys.rows.length).toBeGreaterThan(15);
    for (const { child, column, parent, key } of keys.rows) {
      const orphans = await sql<{ n: string }>`
        SELECT count(*) AS n FROM ${sql.table(child)} c
        WHERE c.${sql.ref(column)} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${sql.table(parent)} p
                          WHERE p.${sql.ref(key)} = c.${sql.ref(column)})`.execute(db);
      expect(Number(orphans.rows[0]!.n), `${child}.${column}`).toBe(0);
    }
  });

  it('lets the next real submission of the day continue after the demo numbers', async () => {
    const today = localDateIn(now, w.t.ctx.config.timezone);
    const counter = await db
      .selectFrom('dossierCounter')
      .select('lastNumber')
      .where('agencyId', '=', w.haLong.agencyId)
      .where('day', '=', today)
      .executeTakeFirst();
    expect(counter?.lastNumber ?? 0).toBeGreaterThan(0);
    const { code } = await submitBirth(w);
    const yyMMdd = today.slice(2, 4) + today.slice(5, 7) + today.slice(8, 10);
    expect(code).toBe(`${HA_LONG}-${yyMMdd}-${String(counter!.lastNumber + 1).padStart(4, '0')}`);
  });

  it('adds nothing when seeded again', async () => {
    const before = await tableCounts(db);
    await seedDossiersDemo(w.t.ctx);
    const again = await loadDemoDossiers(w.t.ctx, { now: clock.now() });
    expect(again.skipped).toBe(true);
    expect(await tableCounts(db)).toEqual(before);
  });
});
