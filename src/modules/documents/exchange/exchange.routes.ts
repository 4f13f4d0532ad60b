/**
 * The exchange API, modelled on the national axis's (VDXP/LGSP: sendEdoc, getReceivedEdocList,
 * getEdoc, updateStatus) in a push model:
 *
 * - `POST /api/exchange/packages` — a peer hands over one signed packet (sendEdoc; a status
 *   packet is sent the same way, which is updateStatus). Answered 202 once stored and
 *   processed, with 01 (accepted) or 02 (refused, with the reason's code).
 * - `GET /api/exchange/packages` — the packets of the agencies the caller serves, received
 *   (getReceivedEdocList) or sent, paged, `since` a time.
 * - `GET /api/exchange/packages/:id` — one packet's signed XML (getEdoc).
 * - `GET/POST/DELETE /api/exchange/peers` — the peers packets are routed to (province
 *   administrators, in a session).
 *
 * Packets are pushed to the receiver as soon as they are queued, so there is no "mark as
 * fetched" call: a receiver's statuses travel back as packets of their own.
 */
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../../kernel/http/api';
import type { AppContext } from '../../../kernel/context';
import { httpErrors } from '../../../kernel/errors/common.errors';
import { requirePermission, type Principal } from '../../../kernel/auth';
import { EXCHANGE_PERMISSIONS } from './exchange.permissions';
import {
  EdxmlBody,
  IdParams,
  NewPeerBody,
  PackageList,
  PackageListQuery,
  PackageXml,
  Peer,
  PeerList,
  ProblemResponse as Problem,
  Receipt,
} from './exchange.schemas';
import { createPeer, disablePeer, listPeers } from './exchange-peers';
import { listPackages, packageXml } from './package-views';
import { maxPackageBytes } from './receive-common';
import { receivePackage } from './receive';

const TAGS = ['documents (exchange)'];
const ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };
const XML_TYPES = ['application/xml', 'text/xml'];

const facts = (request: FastifyRequest) => ({ ip: request.ip, requestId: request.id });

/** A province administrator in a session (not a machine key) who may configure peers. */
function peerManager(request: FastifyRequest): Principal {
  const principal = requirePermission(request, EXCHANGE_PERMISSIONS.manage);
  if (principal.kind !== 'user') throw httpErrors.FORBIDDEN({ session: 'required' });
  return principal;
}

export async function exchangeRoutes(app: Api, ctx: AppContext): Promise<void> {
  const bodyLimit = maxPackageBytes(ctx.config);

  // Its own context: this route reads XML and nothing else, up to the package limit.
  await app.register(async (xmlApi: Api) => {
    xmlApi.removeAllContentTypeParsers();
    xmlApi.addContentTypeParser(
      XML_TYPES,
      { parseAs: 'string', bodyLimit },
      (_request, body, done) => done(null, body),
    );
    xmlApi.post(
      '/exchange/packages',
      {
        bodyLimit,
        // Refused before the body is read: no one unauthorised makes us read 40 MB.
        onRequest: async (request) => {
          requirePermission(request, EXCHANGE_PERMISSIONS.exchange);
        },
        schema: {
          tags: TAGS,
          summary:
            'Nhận một gói tin edXML đã ký (văn bản hoặc trạng thái) — hand over one signed packet (sendEdoc / updateStatus)',
          description:
            'Body: the signed edXML, `Content-Type: application/xml`, authenticated with `X-Api-Key` ' +
            '(permission `documents.exchange`). The packet is stored and processed before the answer: ' +
            '`statusCode` 01 when accepted, 02 when refused (nothing registered; `code` and `reason` ' +
            'say why, and a status 02 packet goes back to the sender when it can be identified). ' +
            'The same bytes sent again are answered as the first time and change nothing.',
          consumes: XML_TYPES,
          body: EdxmlBody,
          response: { 202: Receipt, 413: Problem, 415: Problem, ...ERRORS },
        },
      },
      async (request, reply) => {
        const principal = requirePermission(request, EXCHANGE_PERMISSIONS.exchange);
        const outcome = await receivePackage(ctx, request.body, {
          kind: 'peer',
          apiKeyId: principal.kind === 'api_key' ? principal.id : null,
          agencyId: principal.agencyId,
          ...facts(request),
        });
        return reply.status(202).send(outcome);
      },
    );
  });

  app.get(
    '/exchange/packages',
    {
      schema: {
        tags: TAGS,
        summary:
          'Gói tin của các cơ quan được phục vụ, đã nhận hoặc đã gửi — packets of the agencies in scope (getReceivedEdocList)',
        querystring: PackageListQuery,
        response: { 200: PackageList, ...ERRORS },
      },
    },
    async (request) => {
      const principal = requirePermission(request, EXCHANGE_PERMISSIONS.exchange);
      const { direction, ...rest } = request.query;
      return listPackages(ctx, principal, { direction: direction ?? 'in', ...rest });
    },
  );

  app.get(
    '/exchange/packages/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Nội dung gói tin đã ký — one packet as signed (getEdoc)',
        params: IdParams,
        produces: ['application/xml'],
        response: { 200: PackageXml, ...ERRORS },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, EXCHANGE_PERMISSIONS.exchange);
      const xml = await packageXml(ctx, principal, request.params.id);
      return reply.type('application/xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/exchange/peers',
    {
      schema: {
        tags: TAGS,
        summary: 'Các điểm kết nối liên thông — exchange peers',
        response: { 200: PeerList, ...ERRORS },
      },
    },
    async (request) => ({ items: await listPeers(ctx, peerManager(request)) }),
  );

  app.post(
    '/exchange/peers',
    {
      schema: {
        tags: TAGS,
        summary:
          'Thêm điểm kết nối: địa chỉ, mã cơ quan phục vụ, khóa API — add a peer: address, agency codes served, key',
        body: NewPeerBody,
        response: { 201: Peer, ...ERRORS },
      },
    },
    async (request, reply) => {
      const peer = await createPeer(ctx, peerManager(request), facts(request), request.body);
      return reply.status(201).send(peer);
    },
  );

  app.delete(
    '/exchange/peers/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Ngừng định tuyến tới điểm kết nối — disable a peer (kept for the record)',
        params: IdParams,
        response: { 200: Peer, ...ERRORS },
      },
    },
    async (request) => disablePeer(ctx, peerManager(request), facts(request), request.params.id),
  );
}
