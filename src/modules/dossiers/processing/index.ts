/** One-stop processing as the rest of the dossiers module sees it. */
export {
  agenciesOfDossier,
  agenciesWith,
  assertDossierAccess,
  grantsOfPrincipal,
  holdsAt,
} from './dossier-scope';
