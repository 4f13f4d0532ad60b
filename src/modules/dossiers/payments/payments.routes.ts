/**
 * Fees and payments of dossiers: the desk assesses the fees and takes them at the counter;
 * the applicant reads them and pays online; the provider notifies the outcome (IPN) and
 * sends the browser back; the sandbox plays the provider in development and demonstrations.
 */
import type { FastifyReply } from 'fastify';
import type { Api } from '../../../kernel/http/api';
import type { AppContext } from '../../../kernel/context';
import { requestInfo, requireStaff, requireUser } from '../../../kernel/auth';
import { AppError, declaredErrors } from '../../../kernel/errors/app-error';
import { httpErrors } from '../../../kernel/errors/common.errors';
import { DossierCodeParams, ProblemResponse as Problem } from '../dossiers.schemas';
import { assessFees } from './assess-fees';
import { takeDeskPayment } from './desk-payment';
import { myDossierFees, staffDossierFees } from './dossier-fees';
import { receivePaymentNotification } from './payment-notification';
import { PAYMENT_PATHS, type OnlineProviderName } from './payment-provider';
import { paymentReturnTarget } from './payment-return';
import { decideCheckout, readCheckoutRequest } from './sandbox-checkout';
import { deliverSandboxNotification } from './sandbox-delivery';
import { checkoutPage, problemPage } from './sandbox-page';
import { startOnlinePayment } from './start-payment';
import {
  AssessFeesBody,
  DeskPayment,
  DeskPaymentBody,
  DossierFees,
  IpnAnswer,
  ProviderParams,
  SandboxDecisionBody,
  StartedPayment,
} from './payments.schemas';

const TAGS = ['dossiers'];
const PROVIDER_TAGS = ['payments'];
/** The routes are registered under /api; PAYMENT_PATHS are the full paths providers call. */
const api = (path: string) => path.replace(/^\/api/, '');

export async function paymentsRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/dossiers/:code/fees',
    {
      schema: {
        tags: TAGS,
        summary: 'Phí, lệ phí của hồ sơ — a dossier’s fees, payments and receipts (staff)',
        params: DossierCodeParams,
        response: { 200: DossierFees, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => staffDossierFees(ctx, requireStaff(request), request.params.code),
  );

  app.post(
    '/dossiers/:code/fees',
    {
      schema: {
        tags: TAGS,
        summary:
          'Xác định phí, lệ phí — the desk picks the entries of the procedure’s schedule that apply (replaces the unpaid lines)',
        params: DossierCodeParams,
        body: AssessFeesBody,
        response: {
          200: DossierFees,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request) =>
      assessFees(
        ctx,
        requireStaff(request),
        requestInfo(request),
        request.params.code,
        request.body,
      ),
  );

  app.post(
    '/dossiers/:code/payments/desk',
    {
      schema: {
        tags: TAGS,
        summary:
          'Thu phí tại bộ phận một cửa — record the fees taken at the desk in cash or by card; gives the receipt number',
        params: DossierCodeParams,
        body: DeskPaymentBody,
        response: {
          201: DeskPayment,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const payment = await takeDeskPayment(
        ctx,
        requireStaff(request),
        requestInfo(request),
        request.params.code,
        request.body,
      );
      return reply.status(201).send(payment);
    },
  );

  app.get(
    '/dossiers/mine/:code/fees',
    {
      schema: {
        tags: TAGS,
        summary: 'Phí, lệ phí hồ sơ của tôi — what your dossier owes and what you paid',
        params: DossierCodeParams,
        response: { 200: DossierFees, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => myDossierFees(ctx, requireUser(request), request.params.code),
  );

  app.post(
    '/dossiers/mine/:code/payments',
    {
      schema: {
        tags: TAGS,
        summary:
          'Thanh toán trực tuyến — start paying what your dossier owes; send the browser to redirectUrl (send an Idempotency-Key)',
        params: DossierCodeParams,
        response: {
          201: StartedPayment,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request, reply) => {
      const language = request.headers['accept-language'];
      const started = await startOnlinePayment(
        ctx,
        requireUser(request),
        { ip: request.ip, english: typeof language === 'string' && /^en\b/i.test(language) },
        request.params.code,
      );
      return reply.status(201).send(started);
    },
  );

  const ipnRoute = (provider: OnlineProviderName, path: string, summary: string) =>
    app.get(
      api(path),
      {
        schema: {
          tags: PROVIDER_TAGS,
          summary,
          querystring: ProviderParams,
          response: { 200: IpnAnswer },
        },
      },
      async (request) => receivePaymentNotification(ctx, provider, request.query),
    );
  ipnRoute(
    'vnpay',
    PAYMENT_PATHS.vnpayIpn,
    'IPN VNPay — VNPay’s signed notification of a payment’s outcome; answers {RspCode, Message}',
  );
  ipnRoute(
    'sandbox',
    PAYMENT_PATHS.sandboxIpn,
    'IPN thử nghiệm — the sandbox’s signed notification (same protocol as VNPay)',
  );

  const returnRoute = (provider: OnlineProviderName, path: string) =>
    app.get(
      api(path),
      { schema: { hide: true, querystring: ProviderParams } },
      async (request, reply) => {
        try {
          const target = await paymentReturnTarget(ctx, provider, request.query);
          return reply.redirect(target, 303);
        } catch (error) {
          return sendProblemPage(reply, error);
        }
      },
    );
  returnRoute('vnpay', PAYMENT_PATHS.vnpayReturn);
  returnRoute('sandbox', PAYMENT_PATHS.sandboxReturn);

  await app.register(async (sandbox: Api) => {
    // The checkout page posts an HTML form.
    sandbox.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16_384 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    sandbox.get(
      api(PAYMENT_PATHS.sandboxCheckout),
      { schema: { hide: true, querystring: ProviderParams } },
      async (request, reply) => {
        try {
          const checkout = readCheckoutRequest(ctx, request.query);
          return reply
            .type('text/html; charset=utf-8')
            .header('cache-control', 'no-store')
            .send(checkoutPage(checkout));
        } catch (error) {
          return sendProblemPage(reply, error);
        }
      },
    );

    sandbox.post(
      api(PAYMENT_PATHS.sandboxCheckout),
      { schema: { hide: true, body: SandboxDecisionBody } },
      async (request, reply) => {
        try {
          const { decision, ...signed } = request.body;
          if (decision !== 'pay' && decision !== 'cancel') {
            throw httpErrors.VALIDATION_FAILED([
              { field: 'body.decision', message: 'must be pay or cancel' },
            ]);
          }
          const checkout = readCheckoutRequest(ctx, signed);
          const outcome = decideCheckout(ctx, checkout, decision);
          const answer = await deliverSandboxNotification(
            ctx,
            app.server.listening,
            outcome.notification,
          );
          request.log.info({ txnRef: checkout.txnRef, answer: answer.RspCode }, 'sandbox IPN');
          return reply.redirect(outcome.returnUrl, 303);
        } catch (error) {
          return sendProblemPage(reply, error);
        }
      },
    );
  });
}

/** A refusal the browser shows as a page; anything unexpected goes to the error handler. */
function sendProblemPage(reply: FastifyReply, error: unknown): FastifyReply {
  if (!(error instanceof AppError) || error.status >= 500) throw error;
  const messageVi = declaredErrors().get(error.code)?.messageVi ?? error.message;
  return reply
    .status(error.status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(problemPage(error, messageVi));
}
