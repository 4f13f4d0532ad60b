import { describe, expect, it } from 'vitest';
import { checkApplicant, checkDocuments, checkForm } from './wizard-checks';
import {
  emptyDraft,
  parseDraft,
  prefilled,
  slotsOf,
  submissionBody,
  wizardSteps,
  type WizardDraft,
} from './wizard-draft';
import { BIRTH_VALUES, birthRegistration } from './test-procedure.test-support';

const TODAY = '2026-03-02';
const procedure = birthRegistration();
const needs = { commune: true, cases: 3, types: ['CONG_DAN'] };

function filled(change: Partial<WizardDraft> = {}): WizardDraft {
  return {
    ...emptyDraft(),
    applicant: {
      type: 'CONG_DAN',
      fullName: ' Nguyễn Thị Lan ',
      idNumber: '0221 9000 1234',
      phone: '0912 345 678',
      email: '',
    },
    communeCode: '06688',
    values: { ...BIRTH_VALUES },
    documents: {
      TK01: {
        fileId: 'a1',
        name: 'to-khai.pdf',
        size: 10,
        mediaType: 'application/pdf',
        source: 'upload',
      },
      GCS01: {
        fileId: 'b2',
        name: 'giay-chung-sinh.pdf',
        size: 10,
        mediaType: 'application/pdf',
        source: 'store',
        fromDossier: '000.00.37.H49-260301-0001',
      },
    },
    ...change,
  };
}

describe('the steps of the submission wizard', () => {
  it('are applicant, form, documents and review; without documents when the case lists none', () => {
    expect(wizardSteps(4)).toEqual(['applicant', 'form', 'documents', 'review']);
    expect(wizardSteps(0)).toEqual(['applicant', 'form', 'review']);
  });

  it('list the documents of the chosen case, the required ones marked', () => {
    expect(slotsOf(procedure, 0).map((slot) => [slot.slot, slot.required])).toEqual([
      ['TK01', true],
      ['GCS01', true],
      ['UQ01', false],
      ['GT01', false],
    ]);
    expect(slotsOf(procedure, 1).map((slot) => slot.slot)).toEqual(['BB01']);
    expect(slotsOf(procedure, 7)).toEqual([]);
  });
});

describe('the applicant step', () => {
  it('passes a complete applicant, spaces in numbers allowed', () => {
    expect(checkApplicant(filled(), needs)).toEqual({});
  });

  it('names each field that is missing or malformed, as the server would refuse it', () => {
    const draft = filled({
      applicant: {
        type: 'CONG_DAN',
        fullName: '  ',
        idNumber: '12AB',
        phone: '12345',
        email: 'lan@',
      },
      communeCode: '',
      caseIndex: 5,
    });
    expect(checkApplicant(draft, needs)).toEqual({
      'applicant.fullName': 'dossiersPortal.applicant.nameRequired',
      'applicant.idNumber': 'dossiersPortal.applicant.idInvalid',
      'applicant.phone': 'dossiersPortal.applicant.phoneInvalid',
      'applicant.email': 'dossiersPortal.applicant.emailInvalid',
      communeCode: 'dossiersPortal.applicant.communeRequired',
      case: 'dossiersPortal.applicant.caseRequired',
    });
  });

  it('asks for the commune only when each commune receives the procedure', () => {
    const draft = filled({ communeCode: '' });
    expect(checkApplicant(draft, { ...needs, commune: false })).toEqual({});
    expect(checkApplicant(draft, needs).communeCode).toBeDefined();
  });

  it('refuses a kind of applicant the procedure is not for', () => {
    const draft = filled();
    draft.applicant.type = 'DOANH_NGHIEP';
    expect(checkApplicant(draft, needs)['applicant.type']).toBe(
      'dossiersPortal.applicant.typeRequired',
    );
  });

  it('is prefilled from the account, never over what was typed', () => {
    const user = { fullName: 'Hoàng Thị Dân', email: 'congdan@example.vn', phone: '+84912000111' };
    expect(prefilled(emptyDraft(), user).applicant).toMatchObject({
      fullName: 'Hoàng Thị Dân',
      email: 'congdan@example.vn',
      phone: '+84912000111',
    });
    expect(prefilled(filled(), user).applicant.fullName).toBe(' Nguyễn Thị Lan ');
  });
});

describe('the form step', () => {
  it('passes the answered form and lists what is missing as the server would', () => {
    expect(checkForm(procedure.form, filled(), TODAY)).toEqual([]);
    const errors = checkForm(procedure.form, filled({ values: { father_known: 'co' } }), TODAY);
    const fields = errors.map((error) => error.field);
    expect(fields).toContain('child_full_name');
    expect(fields).toContain('father_full_name');
    expect(errors.find((error) => error.field === 'declaration')?.code).toBe('required');
  });

  it('ignores answers of a section hidden since', () => {
    const values = { ...BIRTH_VALUES, father_full_name: 'Trần Văn Hùng', father_citizen_id: 'xx' };
    expect(checkForm(procedure.form, filled({ values }), TODAY)).toEqual([]);
  });
});

describe('the documents step', () => {
  const slots = slotsOf(procedure, 0);

  it('needs every required document, each file once, none still uploading', () => {
    expect(checkDocuments(filled().documents, slots)).toEqual({});
    expect(checkDocuments({}, slots)).toEqual({ TK01: 'missing', GCS01: 'missing' });
    const twice = { ...filled().documents, UQ01: { ...filled().documents.TK01! } };
    expect(checkDocuments(twice, slots)).toEqual({ UQ01: 'duplicate_file' });
    expect(checkDocuments(filled().documents, slots, new Set(['GT01']))).toEqual({
      GT01: 'uploading',
    });
  });
});

describe('the submission', () => {
  it('carries the applicant as typed, normalised, and only the chosen case’s documents', () => {
    const draft = filled();
    draft.documents.BB01 = {
      fileId: 'c3',
      name: 'bien-ban.pdf',
      size: 5,
      mediaType: 'application/pdf',
      source: 'upload',
    };
    const body = submissionBody(procedure, draft, TODAY);
    expect(body).toMatchObject({
      procedureCode: '1.001193',
      communeCode: '06688',
      case: 0,
      applicant: {
        type: 'CONG_DAN',
        fullName: 'Nguyễn Thị Lan',
        idNumber: '022190001234',
        phone: '0912345678',
      },
      documents: [
        { slot: 'TK01', fileId: 'a1' },
        { slot: 'GCS01', fileId: 'b2' },
      ],
    });
    expect(body.applicant).not.toHaveProperty('email');
    expect(body.values).toMatchObject({ child_full_name: 'Trần Minh Khôi', declaration: true });
  });

  it('sends nothing of a section that no longer applies, and no commune to a named agency', () => {
    const values = { ...BIRTH_VALUES, father_full_name: 'Trần Văn Hùng' };
    const body = submissionBody(
      { ...procedure, receivingAgency: { code: '000.00.20.H49', name: 'Trung tâm' } },
      filled({ values }),
      TODAY,
    );
    expect(body.values).not.toHaveProperty('father_full_name');
    expect(body).not.toHaveProperty('communeCode');
  });
});

describe('the draft kept in the tab', () => {
  it('reads back what was stored, and nothing from a foreign or broken entry', () => {
    const draft = filled({ step: 'documents' });
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft('{not json')).toBeNull();
    expect(parseDraft(JSON.stringify({ ...draft, version: 2 }))).toBeNull();
    expect(parseDraft(JSON.stringify({ ...draft, step: 'payment' }))).toBeNull();
  });

  it('holds one Idempotency-Key per new draft', () => {
    expect(emptyDraft().key).toMatch(/^[0-9a-f-]{36}$/);
    expect(emptyDraft().key).not.toBe(emptyDraft().key);
  });
});
