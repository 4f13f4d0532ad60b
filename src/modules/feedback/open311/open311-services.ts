/**
 * A report category as Open311 sees it: a Service in GET services, and a ServiceDefinition
 * (its extra questions) in GET services/{service_code}. Vietnamese by default; the `en`
 * variant reads the *En columns and falls back to Vietnamese where they are empty.
 */
import type { Selectable } from 'kysely';
import type {
  AttributeDatatype,
  CategoryAttribute,
  FeedbackCategoryTable,
} from '../feedback.tables';
import type {
  Open311Locale,
  Service,
  ServiceAttribute,
  ServiceDefinition,
  ServiceType,
} from './open311.types';

/** The category columns the mapping reads; a selected row fits as is. */
export type CategoryForOpen311 = Pick<
  Selectable<FeedbackCategoryTable>,
  | 'code'
  | 'name'
  | 'nameEn'
  | 'description'
  | 'descriptionEn'
  | 'groupName'
  | 'groupNameEn'
  | 'keywords'
  | 'attributes'
>;

export interface ServiceOptions {
  /** How POST requests answers for this service; tinhso answers with the tracking code at once. */
  type?: ServiceType;
}

export function toService(
  category: CategoryForOpen311,
  locale: Open311Locale = 'vi',
  options: ServiceOptions = {},
): Service {
  const en = locale === 'en';
  const keywords = category.keywords.map((keyword) => keyword.trim()).filter(Boolean);
  return {
    service_code: category.code,
    service_name: pick(en, category.name, category.nameEn),
    description: pick(en, category.description, category.descriptionEn) || null,
    metadata: category.attributes.length > 0,
    type: options.type ?? 'realtime',
    keywords: keywords.length > 0 ? keywords.join(', ') : null,
    group: pick(en, category.groupName, category.groupNameEn) || null,
  };
}

export function toServiceDefinition(
  category: Pick<CategoryForOpen311, 'code' | 'attributes'>,
  locale: Open311Locale = 'vi',
): ServiceDefinition {
  return {
    service_code: category.code,
    attributes: category.attributes.map((attribute, index) =>
      toServiceAttribute(attribute, index + 1, locale),
    ),
  };
}

export function toServiceAttribute(
  attribute: CategoryAttribute,
  order: number,
  locale: Open311Locale = 'vi',
): ServiceAttribute {
  const en = locale === 'en';
  const hint = pick(en, attribute.hint ?? '', attribute.hintEn ?? '');
  const result: ServiceAttribute = {
    variable: true,
    code: attribute.code,
    datatype: attribute.datatype,
    required: attribute.required,
    datatype_description: hint || DATATYPE_HELP[attribute.datatype]?.[locale] || null,
    order,
    description: pick(en, attribute.label, attribute.labelEn),
  };
  if (attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist') {
    result.values = (attribute.values ?? []).map((value) => ({
      key: value.key,
      name: pick(en, value.name, value.nameEn),
    }));
  }
  return result;
}

/** What to type, for the datatypes whose expected form is not obvious from the question. */
const DATATYPE_HELP: Partial<Record<AttributeDatatype, Record<Open311Locale, string>>> = {
  number: { vi: 'Một số, ví dụ 12 hoặc 3.5', en: 'A number, e.g. 12 or 3.5' },
  datetime: {
    vi: 'Ngày (2026-11-21) hoặc ngày giờ ISO 8601 (2026-11-21T14:05:00+07:00)',
    en: 'A date (2026-11-21) or an ISO 8601 datetime (2026-11-21T14:05:00+07:00)',
  },
  multivaluelist: { vi: 'Có thể chọn nhiều giá trị', en: 'Several values may be chosen' },
};

function pick(en: boolean, vi: string, english: string): string {
  return en && english.trim() !== '' ? english : vi;
}
