/** /api/auth: sign-up, sign-in (password, then second factor), sign-out, own account. */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { httpErrors } from '../errors/common.errors';
import { requirePrincipal, requireUser } from './guards';
import {
  ChangePasswordBody,
  CodeBody,
  EnrolConfirmReply,
  EnrolStartReply,
  LoginBody,
  LoginReply,
  MeReply,
  ProblemResponse,
  RegisterBody,
  UpdateMeBody,
  UserReply,
} from './auth.schemas';
import {
  changePassword,
  currentUser,
  login,
  logout,
  registerCitizen,
  updateOwnProfile,
} from './auth.service';
import {
  confirmEnrolment,
  startEnrolment,
  verifySecondFactor,
  type CurrentSession,
} from './mfa.service';
import { requestInfo } from './request-info';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

const tags = ['auth'];
const problems = {
  400: ProblemResponse,
  401: ProblemResponse,
  403: ProblemResponse,
  409: ProblemResponse,
  422: ProblemResponse,
  429: ProblemResponse,
};

/** The session a person is finishing signing in with (routes marked allowPendingMfa). */
function pendingSession(request: FastifyRequest): CurrentSession {
  const principal = requirePrincipal(request);
  const session = request.authSession;
  if (principal.kind !== 'user' || !session) throw httpErrors.UNAUTHENTICATED();
  return {
    id: session.id,
    userId: session.userId,
    createdAt: session.createdAt,
    absoluteExpiresAt: session.absoluteExpiresAt,
  };
}

export async function authRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.post(
    '/auth/register',
    {
      schema: {
        tags,
        summary: 'Đăng ký tài khoản công dân — register a citizen account',
        body: RegisterBody,
        response: { 201: UserReply, ...problems },
      },
    },
    async (request, reply) => {
      const user = await registerCitizen(ctx, requestInfo(request), request.body);
      return reply.status(201).send({ user });
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Đăng nhập bằng email hoặc số điện thoại — sign in with email or phone',
        body: LoginBody,
        response: { 200: LoginReply, ...problems },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, requestInfo(request), {
        ...request.body,
        currentSessionId: request.authSession?.id ?? null,
      });
      setSessionCookie(reply, ctx.config, result.sessionToken);
      return {
        user: result.user,
        mfaRequired: result.mfaRequired,
        mfaEnrolmentRequired: result.mfaEnrolmentRequired,
      };
    },
  );

  app.post(
    '/auth/mfa/verify',
    {
      config: { allowPendingMfa: true },
      schema: {
        tags,
        summary: 'Xác thực bước hai bằng mã TOTP hoặc mã khôi phục — second factor',
        body: CodeBody,
        response: { 200: UserReply, ...problems },
      },
    },
    async (request, reply) => {
      const result = await verifySecondFactor(
        ctx,
        requestInfo(request),
        pendingSession(request),
        request.body.code,
      );
      setSessionCookie(reply, ctx.config, result.sessionToken);
      return { user: result.user };
    },
  );

  app.post(
    '/auth/mfa/enrol/start',
    {
      config: { allowPendingMfa: true },
      schema: {
        tags,
        summary: 'Bắt đầu cài đặt ứng dụng xác thực — start authenticator set-up',
        response: { 200: EnrolStartReply, ...problems },
      },
    },
    async (request) => startEnrolment(ctx, requestInfo(request), pendingSession(request).userId),
  );

  app.post(
    '/auth/mfa/enrol/confirm',
    {
      config: { allowPendingMfa: true },
      schema: {
        tags,
        summary: 'Xác nhận ứng dụng xác thực, nhận mã khôi phục — confirm set-up',
        body: CodeBody,
        response: { 200: EnrolConfirmReply, ...problems },
      },
    },
    async (request, reply) => {
      const result = await confirmEnrolment(
        ctx,
        requestInfo(request),
        pendingSession(request),
        request.body.code,
      );
      setSessionCookie(reply, ctx.config, result.sessionToken);
      return { recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { allowPendingMfa: true },
      schema: {
        tags,
        summary: 'Đăng xuất — sign out',
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const session = request.authSession;
      await logout(
        ctx,
        requestInfo(request),
        session ? { id: session.id, userId: session.userId } : null,
      );
      clearSessionCookie(reply, ctx.config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { allowPendingMfa: true },
      schema: {
        tags,
        summary: 'Người dùng hiện tại — the signed-in person',
        response: { 200: MeReply, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      return { user: await currentUser(ctx, principal), mfaPassed: principal.mfaPassed };
    },
  );

  app.patch(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Sửa họ tên, ngôn ngữ — update own name or language',
        body: UpdateMeBody,
        response: { 200: UserReply, ...problems },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      return { user: await updateOwnProfile(ctx, requestInfo(request), principal, request.body) };
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Đổi mật khẩu; các phiên khác bị kết thúc — change password',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      await changePassword(ctx, requestInfo(request), principal, request.body);
      return reply.status(204).send(null);
    },
  );
}
