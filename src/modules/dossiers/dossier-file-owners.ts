/**
 * What owns a dossier's stored files (kernel/storage's owner type): the documents given with
 * it, and its result. The applicant may reuse either in a later dossier of theirs.
 */
export const DOSSIER_DOCUMENT_OWNER = 'dossier';
export const DOSSIER_RESULT_OWNER = 'dossier_result';
export const REUSABLE_OWNERS: readonly string[] = [DOSSIER_DOCUMENT_OWNER, DOSSIER_RESULT_OWNER];
