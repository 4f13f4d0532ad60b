/**
 * In-memory cache of the boundary GeoJSON per province. The document takes the database a
 * noticeable moment to simplify and serialise, changes only when reference data is reloaded
 * (at start-up), and every map view asks for it; so it is built once per process and
 * served with a strong ETag. The promise is cached, so concurrent first requests build it once.
 */
import { createHash } from 'node:crypto';
import { boundariesFeatureCollection, type GeoDb } from './geo.queries';

export interface BoundaryDocument {
  body: string;
  etag: string;
}

export class BoundaryCache {
  readonly #entries = new Map<string, Promise<BoundaryDocument | null>>();

  constructor(private readonly db: GeoDb) {}

  /** The province's FeatureCollection, or null when no province has this code. */
  get(provinceCode: string): Promise<BoundaryDocument | null> {
    let entry = this.#entries.get(provinceCode);
    if (!entry) {
      entry = this.#build(provinceCode);
      this.#entries.set(provinceCode, entry);
      // Failures and unknown codes are not remembered: the next request tries again.
      entry.then(
        (document) => {
          if (!document) this.#entries.delete(provinceCode);
        },
        () => this.#entries.delete(provinceCode),
      );
    }
    return entry;
  }

  /** Forget every document, e.g. after the boundaries were reloaded. */
  clear(): void {
    this.#entries.clear();
  }

  async #build(provinceCode: string): Promise<BoundaryDocument | null> {
    const body = await boundariesFeatureCollection(this.db, provinceCode);
    if (body === null) return null;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { body, etag };
  }
}
