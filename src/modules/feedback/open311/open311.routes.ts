/**
 * The Open311 GeoReport v2 server at /open311/v2/ (wiki.open311.org/GeoReport_v2, with the
 * FixMyStreet extensions): every resource in XML and JSON by its suffix (`services.xml`,
 * `services.json`), POSTs as application/x-www-form-urlencoded, failures as the spec's
 * `<errors>` / `[{code, description}]` body. Outside /api, so not in the OpenAPI document
 * (its error body is not the platform's envelope); test/http-sweep.test.ts therefore does not
 * sweep it, and open311.routes.test.ts sends it hostile input instead.
 *
 * Texts are Vietnamese unless the client's Accept-Language starts with `en`. jurisdiction_id
 * is accepted and ignored: one server serves one province, and the spec requires it only of
 * servers with several jurisdictions.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api } from '../../../kernel/http/api';
import { idempotentAnswer } from '../../../kernel/http/idempotency';
import type { AppContext } from '../../../kernel/context';
import { toOpen311ErrorResponse, open311Errors } from './open311-errors';
import {
  OPEN311_JSON_CONTENT_TYPE,
  OPEN311_XML_CONTENT_TYPE,
  discoveryXml,
  errorsXml,
  postServiceRequestResponseXml,
  postServiceRequestUpdateResponseXml,
  serviceDefinitionXml,
  serviceRequestUpdatesXml,
  serviceRequestsXml,
  servicesXml,
  tokenResponseXml,
} from './open311-xml';
import {
  OPEN311_BASE_PATH,
  discovery,
  field,
  getServiceRequest,
  listServiceRequests,
  listServices,
  listUpdates,
  open311Principal,
  postUpdate,
  resolveToken,
  serviceDefinition,
  submitServiceRequest,
  type Open311Client,
  type Open311Form,
} from './open311.service';
import type { Open311Format, Open311Locale, PostServiceRequestResponse } from './open311.types';

const FORMAT = Type.Object({ format: Type.String({ maxLength: 16 }) });
const CODE_FORMAT = Type.Object({
  code: Type.String({ maxLength: 200 }),
  format: Type.String({ maxLength: 16 }),
});
const ID_FORMAT = Type.Object({
  id: Type.String({ maxLength: 200 }),
  format: Type.String({ maxLength: 16 }),
});
const TOKEN_FORMAT = Type.Object({
  token: Type.String({ maxLength: 200 }),
  format: Type.String({ maxLength: 16 }),
});

const Text = (maxLength = 1000) => Type.Optional(Type.String({ maxLength }));
const Page = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  /** Larger values are served as OPEN311_MAX_PAGE_SIZE. */
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
};
const Common = { jurisdiction_id: Text(200), api_key: Text(200) };

const RequestsQuery = Type.Object({
  ...Common,
  ...Page,
  service_request_id: Text(2000),
  service_code: Text(2000),
  start_date: Text(64),
  end_date: Text(64),
  updated_after: Text(64),
  updated_before: Text(64),
  status: Text(500),
  extensions: Type.Optional(Type.Boolean()),
});

const UpdatesQuery = Type.Object({
  ...Common,
  ...Page,
  start_date: Text(64),
  end_date: Text(64),
  service_request_id: Text(200),
});

const FormValue = Type.Union([
  Type.String({ maxLength: 10_000 }),
  Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 50 }),
]);
/** The fields of both POSTs; `attribute[…]` and a client's own fields are passed through. */
const FormBody = Type.Object(
  {
    ...Common,
    service_code: Text(200),
    service_request_id: Text(200),
    lat: Text(64),
    long: Text(64),
    address_string: Text(1000),
    address_id: Text(200),
    email: Text(320),
    device_id: Text(200),
    account_id: Text(200),
    first_name: Text(200),
    last_name: Text(200),
    phone: Text(64),
    description: Text(10_000),
    media_url: Text(2000),
    status: Text(64),
    updated_datetime: Text(64),
    update_id: Text(200),
  },
  { additionalProperties: FormValue, maxProperties: 200 },
);

/** Every answer is a string already in its format: an XML document or a JSON array/object. */
const Document = Type.String({ description: 'XML document or JSON, by the format suffix' });
const RESPONSE = { 200: Document };

export async function open311Routes(root: Api, ctx: AppContext): Promise<void> {
  await root.register(
    async (app: Api) => {
      // Form bodies, within the platform's body limit; repeated names keep every value.
      app.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: ctx.config.bodyLimitBytes },
        (_request, body, done) => done(null, parseForm(body as string)),
      );
      app.setErrorHandler((error, request, reply) => {
        const answer = toOpen311ErrorResponse(error, localeOf(request));
        if (answer.unexpected) request.log.error({ err: error }, 'open311 request failed');
        else if (answer.status >= 500) request.log.warn({ err: error }, 'open311 unavailable');
        if (answer.headers) void reply.headers(answer.headers);
        const format = formatOf(request) ?? 'xml';
        void reply.status(answer.status);
        return format === 'json'
          ? reply.type(OPEN311_JSON_CONTENT_TYPE).send(JSON.stringify(answer.errors))
          : reply.type(OPEN311_XML_CONTENT_TYPE).send(errorsXml(answer.errors));
      });
      app.setNotFoundHandler((request, reply) => {
        const answer = toOpen311ErrorResponse(
          open311Errors.OPEN311_FORMAT_UNSUPPORTED(),
          localeOf(request),
        );
        void reply.status(404);
        return formatOf(request) === 'json'
          ? reply.type(OPEN311_JSON_CONTENT_TYPE).send(JSON.stringify(answer.errors))
          : reply.type(OPEN311_XML_CONTENT_TYPE).send(errorsXml(answer.errors));
      });

      /** Resolves the api_key before anything else, so Idempotency-Key is scoped to the key. */
      const requireKey = async (request: FastifyRequest) => {
        const body = (request.body ?? {}) as Open311Form;
        const query = (request.query ?? {}) as Open311Form;
        const key = field(body, 'api_key') ?? field(query, 'api_key');
        request.principal = await open311Principal(ctx, clientOf(request), key);
      };

      app.get(
        '/discovery.:format',
        { schema: { hide: true, params: FORMAT, response: RESPONSE } },
        async (request, reply) => {
          const format = requireFormat(request.params.format);
          const body = await discovery(ctx);
          return send(reply, format, body, discoveryXml);
        },
      );

      app.get(
        '/services.:format',
        { schema: { hide: true, params: FORMAT, response: RESPONSE } },
        async (request, reply) => {
          const format = requireFormat(request.params.format);
          const services = await listServices(ctx, localeOf(request));
          return send(reply, format, services, servicesXml);
        },
      );

      app.get(
        '/services/:code.:format',
        { schema: { hide: true, params: CODE_FORMAT, response: RESPONSE } },
        async (request, reply) => {
          const format = requireFormat(request.params.format);
          const definition = await serviceDefinition(ctx, request.params.code, localeOf(request));
          return send(reply, format, definition, serviceDefinitionXml);
        },
      );

      app.post(
        '/requests.:format',
        {
          schema: { hide: true, params: FORMAT, body: FormBody, response: RESPONSE },
          preValidation: requireKey,
          // The filing's own statement takes the Idempotency-Key with the answer.
          config: { idempotency: 'in-write' },
        },
        async (request, reply) => {
          const format = requireFormat(request.params.format);
          // With an Idempotency-Key, the answer is stored in the statement that files the
          // report, and exactly that text is sent.
          const idempotent = idempotentAnswer(ctx, request);
          const render = (answer: PostServiceRequestResponse) =>
            format === 'json'
              ? { contentType: OPEN311_JSON_CONTENT_TYPE, body: JSON.stringify([answer]) }
              : {
                  contentType: OPEN311_XML_CONTENT_TYPE,
                  body: postServiceRequestResponseXml([answer]),
                };
          const submit = () =>
            submitServiceRequest(
              ctx,
              clientOf(request) as Open311Client,
              request.body,
              idempotent
                ? (answer) => idempotent.statement({ status: 200, ...render(answer) })
                : undefined,
            );
          // A retry of a filed request finds the key taken by its write: that answer is replayed.
          const outcome = idempotent
            ? await idempotent.attempt(reply, submit)
            : { written: await submit() };
          if ('replayed' in outcome) return outcome.replayed;
          const answer = outcome.written;
          idempotent?.stored();
          const { contentType, body } = render(answer);
          return reply.type(contentType).send(body);
        },
      );

      app.get(
        '/tokens/:token.:format',
        { schema: { hide: true, params: TOKEN_FORMAT, response: RESPONSE } },
        async (request, reply) => {
          const format = requireFormat(request.params.format);
          const answer = await resolveToken(ctx, request.params.token);
          return send(reply, format, [answer], tokenResponseXml);
        },
      );

      app.get(
        '/requests.:format',
        { schema: { hide: true, params: FORMAT, querystring: RequestsQuery, response: RESPONSE } },
        async (request, reply) => {
          const format = requireFormat(request.params.format);
          const requests = await listServiceRequests(ctx, request.query, localeOf(request));
          return send(reply, format, requests, serviceRequestsXml);
        },
      );

      app.get(
        '/requests/:id.:format',
        { schema: { hide: true, params: ID_FORMAT, response: RESPONSE } },
        async (request, reply) => {
          const format = requireFormat(request.params.format);
          const requests = await getServiceRequest(ctx, request.params.id, localeOf(request));
          return send(reply, format, requests, serviceRequestsXml);
        },
      );

      app.get(
        '/servicerequestupdates.:format',
        { schema: { hide: true, params: FORMAT, querystring: UpdatesQuery, response: RESPONSE } },
        async (request, reply) => {
          const format = requireFormat(request.params.format);
          const updates = await listUpdates(ctx, request.query, localeOf(request));
          return send(reply, format, updates, serviceRequestUpdatesXml);
        },
      );

      app.post(
        '/servicerequestupdates.:format',
        {
          schema: { hide: true, params: FORMAT, body: FormBody, response: RESPONSE },
          preValidation: requireKey,
        },
        async (request, reply) => {
          const format = requireFormat(request.params.format);
          const answer = await postUpdate(ctx, clientOf(request) as Open311Client, request.body);
          return send(reply, format, [answer], postServiceRequestUpdateResponseXml);
        },
      );
    },
    { prefix: OPEN311_BASE_PATH },
  );
}

function send<T>(
  reply: FastifyReply,
  format: Open311Format,
  body: T,
  toXml: (body: T) => string,
): FastifyReply {
  return format === 'json'
    ? reply.type(OPEN311_JSON_CONTENT_TYPE).send(JSON.stringify(body))
    : reply.type(OPEN311_XML_CONTENT_TYPE).send(toXml(body));
}

function requireFormat(format: string): Open311Format {
  if (format === 'json' || format === 'xml') return format;
  throw open311Errors.OPEN311_FORMAT_UNSUPPORTED({ format });
}

/** The suffix of the path, for answering a failure in the format asked for. */
function formatOf(request: FastifyRequest): Open311Format | null {
  const path = request.url.split('?')[0]!;
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.xml')) return 'xml';
  return null;
}

function localeOf(request: FastifyRequest): Open311Locale {
  const accept = request.headers['accept-language'];
  return typeof accept === 'string' && /^\s*en\b/i.test(accept) ? 'en' : 'vi';
}

function clientOf(request: FastifyRequest) {
  return { principal: request.principal, ip: request.ip, requestId: request.id };
}

/** URLSearchParams semantics (`+` is a space); a name sent twice keeps both values. */
export function parseForm(text: string): Open311Form {
  const form: Open311Form = Object.create(null) as Open311Form;
  for (const [name, value] of new URLSearchParams(text)) {
    const existing = form[name];
    if (existing === undefined) form[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else form[name] = [existing, value];
  }
  return form;
}
