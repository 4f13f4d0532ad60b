/** A category as the API shows it (portal form, console, Open311 mapping). */
import type { Category } from './category.queries';

export function categoryView(category: Category) {
  return {
    code: category.code,
    name: category.name,
    nameEn: category.nameEn,
    description: category.description,
    descriptionEn: category.descriptionEn,
    group: category.groupName,
    groupEn: category.groupNameEn,
    keywords: category.keywords,
    allowAnonymous: category.allowAnonymous,
    deadline: { amount: category.deadlineAmount, unit: category.deadlineUnit },
    attributes: category.attributes,
  };
}
