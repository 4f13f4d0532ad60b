import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/translate';
import {
  ACTION_KEY,
  DOSSIER_STATUSES,
  PAPER_KEY,
  RATINGS,
  STATUS_KEY,
  actionKey,
  ratingKey,
} from './labels';

const MODULE = path.resolve(import.meta.dirname, '../../../../src/modules/dossiers');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test') ? [full] : [];
  });
}

/** Every action the dossiers module writes into a dossier's history (writeDossierHistory). */
function actionsWritten(): Set<string> {
  const actions = new Set<string>();
  for (const file of sourceFiles(MODULE)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const call of text.split('writeDossierHistory(').slice(1)) {
      const line = /\baction: ([^\n]+)/.exec(call.slice(0, 800))?.[1] ?? '';
      for (const [, action] of line.matchAll(/'([a-z_]+)'/g)) actions.add(action!);
    }
  }
  return actions;
}

describe('dossier labels', () => {
  it('name every status of the national portal, differently, in both languages', () => {
    expect(DOSSIER_STATUSES).toHaveLength(10);
    for (const locale of ['vi', 'en'] as const) {
      const words = DOSSIER_STATUSES.map((status) => translate(locale, STATUS_KEY[status]));
      expect(new Set(words).size).toBe(DOSSIER_STATUSES.length);
      for (const word of words) expect(word.trim()).not.toBe('');
    }
    expect(translate('vi', STATUS_KEY.supplement_requested)).toBe('Yêu cầu bổ sung hồ sơ');
    expect(translate('vi', STATUS_KEY.returned)).toBe('Đã trả kết quả');
  });

  it('word every action the platform writes into a dossier’s history', () => {
    const written = actionsWritten();
    // The scan finds the module's calls: if it finds none, it is the scan that broke.
    expect(written.size).toBeGreaterThanOrEqual(14);
    for (const action of written) {
      expect(ACTION_KEY[action], `no label for the action "${action}"`).toBeDefined();
    }
    expect(translate('vi', actionKey('supplement_requested'))).toBe(
      'Yêu cầu bổ sung, hoàn thiện hồ sơ',
    );
    expect(translate('vi', actionKey('fee_paid'))).toBe('Đã nộp phí, lệ phí');
  });

  it('still read as words for an action this version does not know', () => {
    expect(translate('vi', actionKey('archived_somewhere'))).toBe('Cập nhật hồ sơ');
    expect(translate('en', actionKey('constructor'))).toBe('Dossier updated');
  });

  it('name the papers and the five answers of the survey', () => {
    for (const paper of ['receipt', 'supplement', 'refusal', 'apology', 'result'] as const) {
      expect(translate('vi', PAPER_KEY[paper])).not.toBe('');
    }
    expect(RATINGS.map((rating) => translate('vi', ratingKey(rating)))).toEqual([
      'Rất không hài lòng',
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ]);
    expect(translate('en', ratingKey(9))).toBe('Rated');
  });
});
