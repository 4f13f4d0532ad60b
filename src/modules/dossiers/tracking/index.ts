/** What applicants and the public read of dossiers. */
export { listMyDossiers, myDossier, myReusableDocuments } from './my-dossiers';
export { TRACKING_ATTEMPTS, TRACKING_WINDOW_MS, trackDossier } from './track-dossier';
export { answerSurvey, type SurveyAnswer } from './dossier-survey';
