/** HTTP API of the geo part: point lookup, provinces, communes and boundaries. */
import type { Static } from 'typebox';
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { geoErrors } from './geo.errors';
import * as geo from './geo.service';
import { BoundaryCache } from './boundaries-cache';
import {
  BoundariesQuery,
  BoundaryCollection,
  CommuneDetail,
  CommuneListQuery,
  CommunePage,
  CommuneParams,
  LocateQuery,
  Located,
  ProblemResponse as Problem,
  ProvinceList,
} from './geo.schemas';

const TAGS = ['geo'];
/** Reference data changes a few times a year; a day of freshness spares phones the bytes. */
const BOUNDARIES_CACHE_CONTROL = 'public, max-age=86400';

export async function geoRoutes(app: Api, ctx: AppContext): Promise<void> {
  const boundaries = new BoundaryCache(ctx.db);

  app.get(
    '/geo/locate',
    {
      schema: {
        tags: TAGS,
        summary: 'Tìm xã, phường, đặc khu chứa một điểm — the commune containing a point',
        querystring: LocateQuery,
        response: { 200: Located, 400: Problem, 404: Problem },
      },
    },
    (request) => geo.locate(ctx.db, request.query.lat, request.query.lon),
  );

  app.get(
    '/geo/provinces',
    {
      schema: {
        tags: TAGS,
        summary: 'Danh sách tỉnh, thành phố — the 34 provinces and centrally governed cities',
        response: { 200: ProvinceList },
      },
    },
    async () => ({ items: await geo.provinces(ctx.db) }),
  );

  app.get(
    '/geo/communes',
    {
      schema: {
        tags: TAGS,
        summary: 'Tìm xã, phường, đặc khu — search commune-level units, ignoring diacritics',
        querystring: CommuneListQuery,
        response: { 200: CommunePage, 400: Problem, 404: Problem },
      },
    },
    (request) => geo.communePage(ctx.db, request.query),
  );

  app.get(
    '/geo/communes/:code',
    {
      schema: {
        tags: TAGS,
        summary: 'Thông tin một xã, phường, đặc khu — one commune-level unit',
        params: CommuneParams,
        response: { 200: CommuneDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { provinceCode, provinceName, ...rest } = await geo.commune(
        ctx.db,
        request.params.code,
      );
      return { ...rest, province: { code: provinceCode, name: provinceName } };
    },
  );

  app.get(
    '/geo/boundaries.geojson',
    {
      schema: {
        tags: TAGS,
        summary:
          'Ranh giới các xã, phường, đặc khu của tỉnh (GeoJSON, đã giản lược) — commune boundaries for the offline base map',
        querystring: BoundariesQuery,
        response: {
          200: { content: { 'application/geo+json': { schema: BoundaryCollection } } },
          304: { description: 'Not modified (If-None-Match matched the ETag)', type: 'null' },
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const document = await boundaries.get(request.query.province);
      if (!document) throw geoErrors.GEO_PROVINCE_NOT_FOUND({ province: request.query.province });
      void reply.header('Cache-Control', BOUNDARIES_CACHE_CONTROL).header('ETag', document.etag);
      if (matchesEtag(request.headers['if-none-match'], document.etag)) {
        return reply.status(304).send(null);
      }
      return reply.type('application/geo+json; charset=utf-8').send(prepared(document.body));
    },
  );
}

/**
 * The document is JSON text the database already wrote; Fastify sends a string with a JSON
 * content type as it is, without serialising it again. The schema only documents it.
 */
function prepared(body: string): Static<typeof BoundaryCollection> {
  return body as unknown as Static<typeof BoundaryCollection>;
}

/** RFC 9110 If-None-Match: a list of entity tags, weak ones compared weakly, or "*". */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
