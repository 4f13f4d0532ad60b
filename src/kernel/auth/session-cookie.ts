/**
 * The session cookie. Over TLS it is named `__Host-tinhso_session`: browsers accept a
 * `__Host-` cookie only when it is Secure, has Path=/ and no Domain, so no sibling
 * sub-domain or plain-HTTP page can plant or overwrite it (session fixation). Without TLS
 * (a developer's machine) a Secure cookie would never be sent back, so the prefix cannot be
 * used and the cookie is `tinhso_session`. Always HttpOnly (scripts cannot read it) and
 * SameSite=Lax (not sent on cross-site sub-requests). No Max-Age: it ends with the browser
 * session, and the server enforces the idle and absolute limits in any case.
 */
import type { FastifyReply } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../config/config';

export function sessionCookieName(config: Pick<Config, 'tls'>): string {
  return config.tls ? '__Host-tinhso_session' : 'tinhso_session';
}

function cookieOptions(config: Pick<Config, 'tls'>): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: config.tls };
}

export function setSessionCookie(
  reply: FastifyReply,
  config: Pick<Config, 'tls'>,
  token: string,
): void {
  void reply.setCookie(sessionCookieName(config), token, cookieOptions(config));
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'tls'>): void {
  void reply.clearCookie(sessionCookieName(config), cookieOptions(config));
}
