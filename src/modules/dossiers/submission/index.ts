/** Submission as the rest of the dossiers module sees it: how a dossier's story is written. */
export { writeDossierHistory, type DossierActor, type DossierHistoryLine } from './dossier-history';
export {
  attachDocuments,
  checkDocuments,
  DOCUMENT_TYPES,
  type DocumentProblem,
  type GivenDocument,
} from './dossier-documents';
export { receivingAgency } from './submit-dossier';
export { takeDossierCode } from './dossier-code';
