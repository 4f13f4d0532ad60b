/** The console's addresses of the dossiers' pages. */
export const DOSSIER_LIST = '/console/ho-so';

export const dossierPath = (code: string): string => `${DOSSIER_LIST}/${encodeURIComponent(code)}`;
