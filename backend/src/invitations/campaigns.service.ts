import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { hashToken, newToken } from '../common/tokens';
import { Transactions } from '../database/transactions';
import { AuditTrail } from '../logging/audit/audit-trail';
import { type Forum, ForumsService } from '../forums/forums.service';
import { OutboxService } from '../mail/outbox.service';
import type { Member } from '../register/register.service';
import type { SegmentFilter } from '../register/segments/segment-filter';
import { SegmentQueryService } from '../register/segments/segment-query.service';
import { SegmentsService } from '../register/segments/segments.service';
import { skipReason, type SkipReason } from './audience';
import type { Campaign, CampaignAudience } from './campaign.entity';
import { CampaignRepository } from './campaign.repository';
import type { Invitation } from './invitation.entity';
import { InvitationMessages } from './invitation-messages';
import { InvitationRepository, type InviteeState } from './invitation.repository';
import { RegisterService } from '../register/register.service';

export interface CampaignInput {
  name: string;
  audience: CampaignAudience;
  reminderIntervalHours?: number;
}

export interface AudienceReport {
  willReceive: number;
  skipped: Record<SkipReason, number>;
  /** A few names per reason, so organisers see who falls out and why. */
  examples: Record<SkipReason, { id: string; name: string }[]>;
}

const EXAMPLES = 5;

/** Invitation campaigns: who gets one and why not, sending (now or later), progress and reminders. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly register: RegisterService,
    private readonly campaigns: CampaignRepository,
    private readonly invitations: InvitationRepository,
    private readonly forums: ForumsService,
    private readonly segments: SegmentsService,
    private readonly segmentQuery: SegmentQueryService,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly messages: InvitationMessages,
    private readonly audit: AuditTrail,
  ) {}

  async create(user: AuthUser, forumId: string, input: CampaignInput): Promise<Campaign> {
    const forum = await this.forums.get(forumId);
    if (forum.status === 'closed' || forum.status === 'archived')
      throw DomainError.conflict(`"${forum.name}" is ${forum.status}: it takes no more invitations`);
    const sources = [input.audience.segmentId, input.audience.filter, input.audience.memberIds].filter((s) => s !== undefined);
    if (sources.length !== 1)
      throw DomainError.validation({ audience: ['choose exactly one of: a saved segment, a filter, or members'] });
    if (input.audience.segmentId) await this.segments.filterOf(input.audience.segmentId);
    return this.campaigns.create({
      forumId,
      name: input.name.trim(),
      audience: input.audience,
      reminderIntervalHours: input.reminderIntervalHours ?? 72,
      createdById: user.id,
      status: 'draft',
      invitedCount: 0,
      skipped: null,
      scheduledAt: null,
      sentAt: null,
    });
  }

  list(forumId: string): Promise<Campaign[]> {
    return this.campaigns.listForForum(forumId);
  }

  async get(id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign) throw DomainError.notFound('Campaign');
    return campaign;
  }

  /** Who will get the invitation and who will not, with the reasons, before anything is sent. */
  async audience(user: AuthUser, id: string): Promise<AudienceReport> {
    const campaign = await this.get(id);
    const report: AudienceReport = {
      willReceive: 0,
      skipped: { no_email: 0, no_consent: 0, not_confirmed: 0, already_invited: 0 },
      examples: { no_email: [], no_consent: [], not_confirmed: [], already_invited: [] },
    };
    for await (const chunk of this.members(user, campaign)) {
      const invited = await this.invitations.invitedMemberIds(
        campaign.forumId,
        chunk.map((m) => m.id),
      );
      for (const member of chunk) {
        const reason = skipReason(member, invited.has(member.id));
        if (!reason) report.willReceive++;
        else {
          report.skipped[reason]++;
          if (report.examples[reason].length < EXAMPLES)
            report.examples[reason].push({ id: member.id, name: `${member.firstName} ${member.lastName}` });
        }
      }
    }
    return report;
  }

  async preview(id: string, locale: string) {
    const campaign = await this.get(id);
    const forum = await this.forums.get(campaign.forumId);
    const message = this.messages.invitation(
      forum,
      { id: 'preview', email: 'preview@example.org', firstName: 'Lineo', preferredLanguage: locale === 'st' ? 'st' : 'en' },
      'preview',
      'preview-token',
      'preview',
    );
    return this.outbox.render(message.template, locale, message.data, message.secrets);
  }

  /**
   * Creates an invitation and its email for every member who should get one, a chunk at a time,
   * each chunk in one transaction with its emails. Emails wait in the outbox until `scheduledAt`.
   * A send that fails half-way leaves the campaign a draft to send again: those already invited by it
   * are skipped.
   */
  async send(user: AuthUser, id: string, scheduledAt: Date | null): Promise<Campaign> {
    const campaign = await this.get(id);
    if (campaign.status === 'sent') throw DomainError.conflict('This campaign has been sent already');
    if (campaign.status === 'cancelled')
      throw DomainError.conflict('This campaign was cancelled: make a new one to invite again');
    const now = this.clock.now();
    if (scheduledAt && scheduledAt.getTime() < now.getTime() - 60_000)
      throw DomainError.validation({ scheduledAt: ['must be in the future'] });
    const forum = await this.forums.get(campaign.forumId);
    // One conditional update claims the campaign: of two sends at once, the second is a 409.
    if (!(await this.campaigns.claimForSending(campaign.id, scheduledAt)))
      throw DomainError.conflict('This campaign is being sent already');
    campaign.status = 'sending';
    campaign.scheduledAt = scheduledAt;
    try {
      await this.sendChunks(user, campaign, forum, scheduledAt);
    } catch (error) {
      // Back to draft so it can be sent again: those already invited are skipped then.
      await this.campaigns.releaseClaim(campaign.id);
      throw error;
    }
    const done = await this.get(id);
    done.status = 'sent';
    done.sentAt = this.clock.now();
    const saved = await this.campaigns.save(done);
    const skippedCount = Object.values(saved.skipped ?? {}).reduce((a, b) => a + b, 0);
    await this.audit.record({
      action: scheduledAt ? 'campaign.scheduled' : 'campaign.sent',
      actor: user,
      target: { type: 'campaign', id },
      summary: `forum ${forum.id}; ${saved.invitedCount} invited; ${skippedCount} skipped${scheduledAt ? `; for ${scheduledAt.toISOString()}` : ''}`,
    });
    return saved;
  }

  private async sendChunks(user: AuthUser, campaign: Campaign, forum: Forum, scheduledAt: Date | null): Promise<void> {
    for await (const chunk of this.members(user, campaign)) {
      const invited = await this.invitations.invitedMemberIds(
        forum.id,
        chunk.map((m) => m.id),
      );
      const skipped: Partial<Record<SkipReason, number>> = {};
      const rows: { invitation: Invitation; member: Member; token: string }[] = [];
      for (const member of chunk) {
        const reason = skipReason(member, invited.has(member.id));
        if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
        else
          rows.push({
            member,
            token: newToken(),
            invitation: this.invitations.create({
              forumId: forum.id,
              campaignId: campaign.id,
              memberId: member.id,
              locale: member.preferredLanguage,
            }),
          });
      }
      await this.transactions.run(async (tx) => {
        for (const row of rows) row.invitation.messageKey = `invitation:${row.invitation.id}`;
        await this.invitations.insert(
          rows.map((r) => r.invitation),
          tx,
        );
        await this.invitations.addTokens(
          rows.map((r) => ({ invitationId: r.invitation.id, tokenHash: hashToken(r.token) })),
          tx,
        );
        await this.outbox.enqueue(
          rows.map((r) => this.messages.invitation(forum, r.member, r.invitation.id, r.token, r.invitation.messageKey!)),
          tx,
          scheduledAt ?? undefined,
        );
        await this.campaigns.addCounts(campaign.id, rows.length, skipped, tx);
      });
    }
  }

  /**
   * Cancels a campaign scheduled for later, before its time: its invitations and links are withdrawn
   * and its emails cancelled, in one transaction, so nothing goes out and the members can be invited again.
   */
  async cancel(user: AuthUser, id: string): Promise<Campaign> {
    const campaign = await this.get(id);
    const now = this.clock.now();
    if (campaign.status !== 'sent' || !campaign.scheduledAt || campaign.scheduledAt.getTime() <= now.getTime()) {
      throw DomainError.conflict('Only a campaign scheduled for later can be cancelled, and only before its time');
    }
    return this.transactions.run(async (tx) => {
      const keys = await this.invitations.removeUnsentForCampaign(id, tx);
      const emails = await this.outbox.cancelUnsent(keys, tx);
      campaign.status = 'cancelled';
      const saved = await this.campaigns.save(campaign, tx);
      const summary = `forum ${campaign.forumId}; ${keys.length} invitations withdrawn; ${emails} emails cancelled`;
      await this.audit.record({ action: 'campaign.cancelled', actor: user, target: { type: 'campaign', id }, summary }, tx);
      return saved;
    });
  }

  async progress(id: string) {
    const campaign = await this.get(id);
    const [delivery, responses] = await Promise.all([this.invitations.messageStates(id), this.invitations.responses(id)]);
    return { campaign, delivery, responses };
  }

  invitees(id: string, state: InviteeState | undefined, page: number, pageSize: number) {
    return this.invitations.list(id, state, page, pageSize);
  }

  /** Reminds those who have not answered, at most once per the campaign's interval. Returns how many. */
  async remind(id: string): Promise<number> {
    const campaign = await this.get(id);
    const forum = await this.forums.get(campaign.forumId);
    const now = this.clock.now();
    const due = await this.invitations.dueForReminder(id, new Date(now.getTime() - campaign.reminderIntervalHours * 3_600_000));
    const members = new Map((await this.register.liveMembers(due.map((i) => i.memberId))).map((m) => [m.id, m]));
    let sent = 0;
    for (let i = 0; i < due.length; i += 500) {
      const batch = due.slice(i, i + 500).filter((inv) => members.get(inv.memberId)?.email);
      await this.transactions.run(async (tx) => {
        const tokens = batch.map(() => newToken());
        await this.invitations.addTokens(
          batch.map((inv, n) => ({ invitationId: inv.id, tokenHash: hashToken(tokens[n]) })),
          tx,
        );
        await this.outbox.enqueue(
          batch.map((inv, n) =>
            this.messages.reminder(
              forum,
              members.get(inv.memberId)!,
              inv,
              tokens[n],
              `reminder:${inv.id}:${inv.reminderCount + 1}`,
            ),
          ),
          tx,
        );
        for (const inv of batch) {
          inv.lastRemindedAt = now;
          inv.reminderCount += 1;
          await this.invitations.save(inv, tx);
        }
      });
      sent += batch.length;
    }
    return sent;
  }

  private async *members(user: AuthUser, campaign: Campaign): AsyncGenerator<Member[]> {
    const { segmentId, filter, memberIds } = campaign.audience;
    if (memberIds) {
      for (let i = 0; i < memberIds.length; i += 1000) yield await this.register.liveMembers(memberIds.slice(i, i + 1000));
      return;
    }
    const resolved: SegmentFilter = segmentId ? (await this.segments.filterOf(segmentId)).filter : (filter as SegmentFilter);
    yield* this.segmentQuery.stream(user, resolved);
  }
}
