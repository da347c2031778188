// invitations-smtp: 10,000 invitations from a segment (a country filter), created, rendered and
// delivered to a local smtp-server sink through our outbox and worker, on MySQL/MariaDB.
// Ours: CampaignsService.send in an app context of the built backend, its mail worker running
// (MAIL_RATE_PER_SECOND=0: no pacing); timed from "send" until the sink holds all 10,000.
// Floor: nodemailer alone sending the same 10,000 messages, pre-rendered, over one pooled
// connection set (5 connections, unlimited messages each) to the same sink.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const COUNT = Number(process.env.BENCH_INVITATIONS ?? 10_000);
const repoRoot = join(import.meta.dirname, '..', '..');
const dist = join(repoRoot, 'backend', 'dist');
const require = createRequire(join(repoRoot, 'backend', 'package.json'));

export default async function invitationsSmtp({ freshDatabase }) {
  const { SMTPServer } = require('smtp-server');
  const nodemailer = require('nodemailer');
  let received = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _s, cb) => stream.on('data', () => {}).on('end', () => ((received += 1), cb())),
  });
  await new Promise((r) => sink.listen(0, '127.0.0.1', r));
  const smtpUrl = `smtp://127.0.0.1:${sink.server.address().port}`;
  const until = async (n) => {
    while (received < n) await new Promise((r) => setTimeout(r, 5));
  };

  // Floor first, with a warm-up: the same template rendered once per message beforehand.
  const { MailRenderer } = require(join(dist, 'mail', 'mail-renderer.js'));
  const renderer = new MailRenderer();
  const sample = renderer.sample('forum-invitation');
  const rendered = Array.from({ length: COUNT }, (_, i) => ({
    to: `m${i}@example.org`,
    ...renderer.render('forum-invitation', i % 3 ? 'en' : 'st', { ...sample, firstName: `Member ${i}` }),
  }));
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5, maxMessages: Infinity });
  const send = (list) =>
    Promise.all(
      list.map((m) =>
        transport.sendMail({ from: 'forum@example.org', to: m.to, subject: m.subject, html: m.html, text: m.text }),
      ),
    );
  await send(rendered.slice(0, 500));
  received = 0;
  const floorStart = performance.now();
  await send(rendered);
  const floorS = (performance.now() - floorStart) / 1000;
  transport.close();

  // Ours: the real pipeline on a fresh MySQL database.
  const dataDir = mkdtempSync(join(tmpdir(), 'df-bench-inv-'));
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(join(dist, 'app.module.js'));
  const { loadConfig } = require(join(dist, 'config', 'app-config.js'));
  const config = loadConfig({
    DATABASE_URL: await freshDatabase(),
    DATA_DIR: dataDir,
    SMTP_URL: smtpUrl,
    MAIL_RATE_PER_SECOND: '0',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'https://forum.example.org',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    const { MemberRepository } = require(join(dist, 'register', 'member.repository.js'));
    const { UsersService } = require(join(dist, 'auth', 'users.service.js'));
    const { ForumsService } = require(join(dist, 'forums', 'forums.service.js'));
    const { CampaignsService } = require(join(dist, 'invitations', 'campaigns.service.js'));
    const { syntheticMembers } = require(join(dist, 'seed', 'synthetic-register.js'));
    const members = app.get(MemberRepository);
    let batch = [];
    for (const m of syntheticMembers(COUNT, 11)) {
      batch.push({
        ...m,
        countryCode: 'ZA',
        region: m.region ?? 'Gauteng',
        email: `${batch.length}.${Math.random().toString(36).slice(2)}@example.org`,
        consentAt: new Date(),
        consentMethod: 'paper_form',
        consentInvitations: true,
        consentUpdates: true,
        source: 'seed',
        sourceBatchId: null,
        status: 'active',
        createdById: null,
      });
      if (batch.length === 1000) {
        await members.insert(batch);
        batch = [];
      }
    }
    const user = await app
      .get(UsersService)
      .create({ email: 'bench@example.org', name: 'Bench', password: 'bench-password-1', role: 'organiser' });
    const forum = await app.get(ForumsService).create({
      name: 'Benchmark forum',
      venue: 'Maseru',
      startDate: '2027-04-08',
      endDate: '2027-04-09',
      capacity: 20000,
      status: 'open',
    });
    const campaigns = app.get(CampaignsService);
    const campaign = await campaigns.create({ ...user, countries: [] }, forum.id, {
      name: 'Everyone in ZA',
      audience: { filter: { countries: ['ZA'] } },
    });
    received = 0;
    const start = performance.now();
    await campaigns.send({ ...user, countries: [] }, campaign.id, null);
    const queuedS = (performance.now() - start) / 1000;
    await until(COUNT);
    const wallS = (performance.now() - start) / 1000;
    const ours = Math.round(COUNT / wallS);
    const floor = Math.round(COUNT / floorS);
    return {
      unit: 'msgs/s',
      better: 'higher',
      ours,
      floor,
      ratio: Math.round((ours / floor) * 100) / 100,
      wallS: Math.round(wallS * 10) / 10,
      queuedS: Math.round(queuedS * 10) / 10,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      target: '≥ 50% of floor, wall ≤ 60 s',
      notes: `${COUNT} invitations; invitations+outbox written in ${Math.round(queuedS * 10) / 10} s`,
      method: `${COUNT} members in one country; CampaignsService.send (invitations, tokens and outbox rows, 1,000 a transaction) then the in-process worker (claims of 200, 10 sends in flight over 5 pooled SMTP connections, no rate limit) until the sink has them all; floor: nodemailer pool (5 connections, maxMessages ∞) sending the same pre-rendered messages. One run each, after a 500-message warm-up of the floor.`,
    };
  } finally {
    await app.close();
    sink.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
