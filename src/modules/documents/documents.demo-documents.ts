/**
 * Sample documents acted out through the real workflow on the first start, so a visitor
 * finds living registers: a plan the province sent to three wards (delivered by the outbox
 * once the platform runs), a report from phường Hạ Long to the province, a draft waiting for
 * the chairman's signature, and a paper document registered by hand.
 */
import type { AppContext } from '../../kernel/context';
import { DEMO_ACCOUNTS, principalOfUser } from '../../kernel/auth';
import { documentsDb } from './documents-db';
import type { DocumentActor } from './document-history';
import { createDraft, type DraftInput } from './outgoing-draft';
import { reviewOutgoing } from './outgoing-workflow';
import { signApproved } from './outgoing-signing';
import { issueOutgoing } from './outgoing-issue';

const SEED_REQUEST = { ip: '127.0.0.1', userAgent: 'tinhso seed', requestId: 'seed' };

async function actorByEmail(ctx: AppContext, email: string): Promise<DocumentActor | null> {
  const user = await ctx.db
    .selectFrom('appUser')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) return null;
  return { principal: await principalOfUser(ctx.db, user.id), request: SEED_REQUEST };
}

function email(role: string, agency: 'province_committee' | 'commune_committee'): string {
  return DEMO_ACCOUNTS.find((account) => account.role === role && account.agency?.kind === agency)!
    .email;
}

async function organCodes(ctx: AppContext, names: readonly string[]): Promise<string[]> {
  const codes: string[] = [];
  for (const name of names) {
    const row = await ctx.db
      .selectFrom('agency')
      .select('code')
      .where('kind', '=', 'commune_committee')
      .where('name', 'ilike', `%${name}`)
      .executeTakeFirst();
    if (row) codes.push(row.code);
  }
  return codes;
}

async function issueThrough(
  ctx: AppContext,
  people: { officer: DocumentActor; leader: DocumentActor; clerk: DocumentActor },
  draft: Omit<DraftInput, 'signerUserId'>,
  until: 'issued' | 'in_review',
): Promise<void> {
  const created = await createDraft(ctx, people.officer, {
    ...draft,
    signerUserId: people.leader.principal.id,
  });
  await reviewOutgoing(ctx, people.officer, created.id, { action: 'submit' });
  if (until === 'in_review') return;
  await reviewOutgoing(ctx, people.leader, created.id, { action: 'approve' });
  await signApproved(ctx, people.leader, created.id);
  await issueOutgoing(ctx, people.clerk, created.id);
}

export async function seedDemoDocuments(ctx: AppContext): Promise<void> {
  const existing = await documentsDb(ctx)
    .selectFrom('documentOutgoing')
    .select('id')
    .executeTakeFirst();
  if (existing) return;
  const load = async (agency: 'province_committee' | 'commune_committee') => {
    const [officer, leader, clerk] = await Promise.all([
      actorByEmail(ctx, email('officer', agency)),
      actorByEmail(ctx, email('leader', agency)),
      actorByEmail(ctx, email('clerk', agency)),
    ]);
    return officer && leader && clerk ? { officer, leader, clerk } : null;
  };
  const province = await load('province_committee');
  const ward = await load('commune_committee');
  if (!province || !ward) {
    ctx.log.warn('demo documents skipped: the demo accounts are missing');
    return;
  }
  const wards = await organCodes(ctx, ['hạ long', 'bãi cháy', 'cô tô']);
  await issueThrough(
    ctx,
    province,
    {
      typeAbbreviation: 'KH',
      subject: 'Phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão năm 2026',
      body: [
        'Căn cứ Luật Phòng, chống thiên tai; Ủy ban nhân dân tỉnh ban hành Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão năm 2026 như sau.',
        'I. MỤC ĐÍCH, YÊU CẦU',
        'Chủ động phòng ngừa, ứng phó kịp thời, khắc phục khẩn trương và có hiệu quả khi thiên tai xảy ra; giảm thiểu thiệt hại về người và tài sản.',
        'II. NHIỆM VỤ',
        'Ủy ban nhân dân các xã, phường, đặc khu rà soát phương án sơ tán dân ở vùng trũng, ven biển; kiểm tra neo đậu tàu thuyền; báo cáo kết quả trước ngày 15 của tháng cuối quý.',
      ].join('\n\n'),
      signerCompetence: 'KT. CHỦ TỊCH',
      signerPosition: 'PHÓ CHỦ TỊCH',
      urgency: 'urgent',
      recipients: wards.map((organId) => ({ organId })),
    },
    'issued',
  );
  await issueThrough(
    ctx,
    ward,
    {
      typeAbbreviation: null,
      draftingUnit: 'VP',
      subject: 'Báo cáo kết quả khơi thông hệ thống thoát nước trước mùa mưa',
      greeting: 'Ủy ban nhân dân tỉnh Quảng Ninh',
      body: [
        'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Ủy ban nhân dân phường Hạ Long báo cáo kết quả khơi thông hệ thống thoát nước như sau.',
        'Đã nạo vét 12 tuyến cống, 3,4 km mương thoát nước; xử lý dứt điểm 5 điểm ngập cục bộ tại các tổ dân phố ven biển.',
        'Ủy ban nhân dân phường Hạ Long kính báo cáo.',
      ].join('\n\n'),
      signerCompetence: 'TM. ỦY BAN NHÂN DÂN',
      signerPosition: 'CHỦ TỊCH',
      recipients: [{ organId: '000.00.00.H49' }],
    },
    'issued',
  );
  await issueThrough(
    ctx,
    ward,
    {
      typeAbbreviation: 'TB',
      subject: 'Lịch tiếp công dân tháng 12 năm 2026',
      body: 'Ủy ban nhân dân phường Hạ Long thông báo lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân phường vào sáng thứ Năm hằng tuần tại trụ sở.',
      signerCompetence: 'TM. ỦY BAN NHÂN DÂN',
      signerPosition: 'CHỦ TỊCH',
      recipients: [],
      toPlaces: ['- Các tổ dân phố;', '- Lưu: VT, VP.'],
    },
    'in_review',
  );
}
