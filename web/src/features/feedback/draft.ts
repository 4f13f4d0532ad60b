/**
 * The report being written: what each wizard step collects, the checks made before moving
 * on (worded in the reader's language), the body sent to the platform, and which step a
 * field the server refused belongs to.
 */
import { ApiError } from '../../shared/api/api-error';
import { errorText } from '../../shared/api/error-text';
import type { I18n } from '../../shared/i18n/i18n';
import type { Category, Located, Question } from './feedback-api';
import type { Point } from './PointMap';
import type { ReportBody } from './submit-report';

export type Answer = string | string[];

export interface Draft {
  point: Point | null;
  address: string;
  commune: Located['commune'] | null;
  categoryCode: string;
  answers: Record<string, Answer>;
  description: string;
  photos: File[];
  video: File | null;
  anonymous: boolean;
  name: string;
  email: string;
  phone: string;
}

export const EMPTY_DRAFT: Draft = {
  point: null,
  address: '',
  commune: null,
  categoryCode: '',
  answers: {},
  description: '',
  photos: [],
  video: null,
  anonymous: false,
  name: '',
  email: '',
  phone: '',
};

export const STEPS = ['where', 'what', 'details'] as const;
export type Step = (typeof STEPS)[number];

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
export const MAX_PHOTOS = 5;

export type Problems = Record<string, string>;
type Translate = I18n['t'];

function isEmpty(answer: Answer | undefined): boolean {
  return (
    answer === undefined || (Array.isArray(answer) ? answer.length === 0 : answer.trim() === '')
  );
}

export function checkWhere(draft: Draft, t: Translate): Problems {
  if (!draft.point) return { location: t('feedback.where.needPoint') };
  if (!draft.commune) return { location: t('feedback.where.outside') };
  return {};
}

export function checkWhat(draft: Draft, category: Category | undefined, t: Translate): Problems {
  if (!category) return { categoryCode: t('feedback.what.needCategory') };
  const problems: Problems = {};
  for (const question of category.attributes) {
    const answer = draft.answers[question.code];
    if (question.required && isEmpty(answer)) {
      problems[`attributes.${question.code}`] = t('form.required');
    } else if (
      question.datatype === 'number' &&
      !isEmpty(answer) &&
      !Number.isFinite(Number(answer))
    ) {
      problems[`attributes.${question.code}`] = t('feedback.what.notNumber');
    }
  }
  return problems;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkDetails(
  draft: Draft,
  category: Category | undefined,
  signedIn: boolean,
  t: Translate,
): Problems {
  const problems: Problems = {};
  const length = draft.description.trim().length;
  if (length < DESCRIPTION_MIN) {
    problems.description = t('feedback.details.descriptionShort', { min: DESCRIPTION_MIN });
  } else if (length > DESCRIPTION_MAX) {
    problems.description = t('feedback.details.descriptionLong', { max: DESCRIPTION_MAX });
  }
  const anonymous = draft.anonymous && !!category?.allowAnonymous;
  if (!anonymous) {
    if (draft.email.trim() && !EMAIL.test(draft.email.trim())) {
      problems['reporter.email'] = t('feedback.details.emailInvalid');
    }
    if (!signedIn && !draft.email.trim() && !draft.phone.trim()) {
      problems['reporter.email'] = t('feedback.details.contactNeeded');
    }
  }
  return problems;
}

function answerValue(question: Question, answer: Answer): string | number | string[] {
  if (question.datatype === 'number') return Number(answer);
  if (question.datatype === 'datetime' && typeof answer === 'string') {
    return new Date(answer).toISOString();
  }
  return typeof answer === 'string' ? answer.trim() : answer;
}

export function reportBody(draft: Draft, category: Category, locale: 'vi' | 'en'): ReportBody {
  if (!draft.point) throw new Error('a report needs a point');
  const attributes: Record<string, string | number | string[]> = {};
  for (const question of category.attributes) {
    const answer = draft.answers[question.code];
    if (answer !== undefined && !isEmpty(answer)) {
      attributes[question.code] = answerValue(question, answer);
    }
  }
  const anonymous = draft.anonymous && category.allowAnonymous;
  const reporter = {
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
    ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
  };
  return {
    categoryCode: category.code,
    lat: draft.point.lat,
    lon: draft.point.lon,
    ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
    description: draft.description.trim(),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    ...(anonymous ? { anonymous: true } : Object.keys(reporter).length > 0 ? { reporter } : {}),
    locale,
  };
}

/** Which step shows a field, so a refusal takes the person back to it. */
export function stepOfField(field: string): Step {
  if (field === 'location' || field === 'lat' || field === 'lon' || field === 'address') {
    return 'where';
  }
  if (field === 'categoryCode' || field.startsWith('attributes')) return 'what';
  return 'details';
}

const FIELD_OF_CODE: Record<string, string> = {
  REPORT_OUTSIDE_PROVINCE: 'location',
  CATEGORY_NOT_FOUND: 'categoryCode',
  REPORT_ANONYMOUS_NOT_ALLOWED: 'anonymous',
  REPORT_CONTACT_REQUIRED: 'reporter.email',
};

/** The server's refusal per field: its `details` and the field a domain error is about. */
export function serverProblems(error: unknown, i18n: Pick<I18n, 'locale' | 't'>): Problems {
  if (!(error instanceof ApiError)) return {};
  const problems: Problems = {};
  for (const problem of error.fieldProblems) {
    const field = problem.field.replace(/^report\./, '');
    if (problems[field]) continue;
    problems[field] =
      problem.message === 'required' || problem.message === 'is required'
        ? i18n.t('form.required')
        : i18n.locale === 'en'
          ? problem.message
          : i18n.t('form.invalid');
  }
  const field = FIELD_OF_CODE[error.code];
  if (field && !problems[field]) problems[field] = errorText(error, i18n.locale, i18n.t);
  return problems;
}
