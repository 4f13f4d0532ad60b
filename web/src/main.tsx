/**
 * Entry point of the web app, kept tiny: it starts the code of a heavy page the address
 * opens into (see route-preload), then loads the app itself (boot), so the two download
 * in parallel rather than one after the other.
 */
import { preloadRoute } from './app/route-preload';

preloadRoute(window.location.pathname, window.location.search);
void import('./boot');
