/**
 * Where citizen reports go (GET /api/feedback/admin/routing): one category at a time, the
 * province's communes with the agency that answers there, whether an administrator set it
 * or it is the category's default. A full 54 × 16 grid does not fit a screen, so the page
 * shows one category's column as a list. Edits stay on the page until saved together, in
 * one all-or-nothing request; the category's own settings sit below.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import {
  ROUTING_KEY,
  cellKey,
  saveCells,
  useCategorySettings,
  useRoutingMatrix,
  type MatrixCategory,
  type RoutingMatrix,
} from './routing-api';
import { RoutingTable } from './RoutingTable';
import { CategorySettingsForm } from './CategorySettingsForm';
import './feedback-routing.css';

export function RoutingPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('feedbackRouting.title'));
  const matrix = useRoutingMatrix();
  const settings = useCategorySettings();
  const [params, setParams] = useSearchParams();
  const data = matrix.data;
  const categories = data?.categories ?? [];
  const wanted = params.get('category');
  const category = categories.find((c) => c.code === wanted) ?? categories[0];
  const setting = settings.data?.items.find((item) => item.code === category?.code);
  const name = (c: MatrixCategory) => (locale === 'en' ? c.nameEn : c.name);

  return (
    <div className="admin-page routing-page">
      <h1>{t('feedbackRouting.title')}</h1>
      <p className="lead">{t('feedbackRouting.lead')}</p>
      {matrix.error ? <Alert kind="error" error={matrix.error} /> : null}
      {matrix.isPending ? <Loading /> : null}
      {data && categories.length === 0 ? (
        <p role="status">{t('feedbackRouting.noCategories')}</p>
      ) : null}
      {data && category ? (
        <>
          <div className="field routing-category">
            <label htmlFor="routing-category">{t('feedbackRouting.category')}</label>
            <select
              id="routing-category"
              value={category.code}
              onChange={(event) => setParams({ category: event.target.value })}
            >
              {groupsOf(categories, locale).map(([group, members]) => (
                <optgroup key={group} label={group}>
                  {members.map((c) => (
                    <option key={c.code} value={c.code}>
                      {name(c)}
                      {c.active ? '' : ` (${t('feedbackRouting.inactive')})`}
                      {explicitCount(data, c.code) > 0
                        ? ` · ${t('feedbackRouting.explicitCount', { count: explicitCount(data, c.code) })}`
                        : ''}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <CategoryRouting data={data} category={category} />
          <section className="panel" aria-labelledby="routing-settings-title">
            <h2 id="routing-settings-title">
              {t('feedbackRouting.settingsTitle', { category: name(category) })}
            </h2>
            {settings.error ? <Alert kind="error" error={settings.error} /> : null}
            {settings.isPending ? <Loading /> : null}
            {/* Keyed by category only: the refetch after a save must not wipe the form. */}
            {setting ? <CategorySettingsForm key={setting.code} setting={setting} /> : null}
          </section>
        </>
      ) : null}
    </div>
  );
}

function groupsOf(categories: MatrixCategory[], locale: 'vi' | 'en') {
  const groups = new Map<string, MatrixCategory[]>();
  for (const category of categories) {
    const group = locale === 'en' ? category.groupEn : category.group;
    groups.set(group, [...(groups.get(group) ?? []), category]);
  }
  return [...groups];
}

function explicitCount(data: RoutingMatrix, categoryCode: string): number {
  return data.cells.filter((cell) => cell.categoryCode === categoryCode && cell.source === 'matrix')
    .length;
}

/**
 * One category's column of the matrix and the save. Unsaved edits are kept per cell across
 * category switches, and one save sends them all.
 */
function CategoryRouting({ data, category }: { data: RoutingMatrix; category: MatrixCategory }) {
  const { t } = useI18n();
  const client = useQueryClient();
  // Unsaved choices by cell key: '' brings the default back, anything else is an agency.
  const [edits, setEdits] = useState<Map<string, string>>(new Map());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<number | null>(null);

  const cells = useMemo(
    () => new Map(data.cells.map((cell) => [cellKey(cell.categoryCode, cell.communeCode), cell])),
    [data],
  );
  const savedChoiceOf = (key: string): string => {
    const cell = cells.get(key);
    return cell?.source === 'matrix' ? (cell.agencyId ?? '') : '';
  };
  const savedChoice = (communeCode: string): string =>
    savedChoiceOf(cellKey(category.code, communeCode));
  const editsHere = useMemo(() => {
    const here = new Map<string, string>();
    for (const [key, choice] of edits) {
      const [categoryCode, communeCode] = key.split('|');
      if (categoryCode === category.code && communeCode) here.set(communeCode, choice);
    }
    return here;
  }, [edits, category.code]);

  const choose = (changes: ReadonlyArray<[string, string]>): void => {
    setSaved(null);
    setEdits((current) => {
      const next = new Map(current);
      for (const [communeCode, choice] of changes) {
        const key = cellKey(category.code, communeCode);
        if (choice === savedChoiceOf(key)) next.delete(key);
        else next.set(key, choice);
      }
      return next;
    });
  };

  const save = async (): Promise<void> => {
    setSaving(true);
    setError(undefined);
    setSaved(null);
    try {
      const result = await saveCells(
        [...edits].map(([key, choice]) => {
          const [categoryCode = '', communeCode = ''] = key.split('|');
          return { categoryCode, communeCode, agencyId: choice === '' ? null : choice };
        }),
      );
      await client.invalidateQueries({ queryKey: ROUTING_KEY });
      setEdits(new Map());
      setSaved(result.changed);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="routing-cells-title">
      <h2 id="routing-cells-title">{t('feedbackRouting.cellsTitle')}</h2>
      <p className="note">
        {category.defaultLevel === 'commune'
          ? t('feedbackRouting.defaultCommune')
          : t('feedbackRouting.defaultProvince')}{' '}
        {t('feedbackRouting.newReportsOnly')}
      </p>
      <RoutingTable
        data={data}
        category={category}
        cells={cells}
        edits={editsHere}
        savedChoice={savedChoice}
        onChoose={choose}
      />
      <div className="routing-save" aria-live="polite">
        {error !== undefined ? <Alert kind="error" error={error} /> : null}
        {saved !== null ? (
          <Alert kind="success">
            <p>{t('feedbackRouting.saved', { count: saved })}</p>
          </Alert>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={saving || edits.size === 0}
            onClick={() => void save()}
          >
            {saving ? t('form.submitting') : t('feedbackRouting.save', { count: edits.size })}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={saving || edits.size === 0}
            onClick={() => {
              setEdits(new Map());
              setError(undefined);
            }}
          >
            {t('feedbackRouting.discard')}
          </button>
        </div>
      </div>
    </section>
  );
}
