import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AuditTrail } from '../logging/audit/audit-trail';
import type { AuthUser } from './auth-user';
import { type DeviceReport, type DeviceSession, SessionRepository } from './session.repository';

export type { DeviceReport, DeviceSession } from './session.repository';

/**
 * Door phones as named device sessions: each signed-in session is a device with a public id; the door
 * app reports its door's name and what it still holds at each sync; organisers see them and sign one
 * out without disabling the person (the device then gets 401 device_revoked and clears its data).
 */
@Injectable()
export class DoorDevicesService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  list(): Promise<DeviceSession[]> {
    return this.sessions.doorDevices(this.clock.now());
  }

  async report(user: AuthUser, report: DeviceReport): Promise<void> {
    if (!user.deviceId) return;
    await this.sessions.report(user.deviceId, { ...report, deviceName: report.deviceName.trim() }, this.clock.now());
  }

  async revoke(actor: AuthUser, deviceId: string): Promise<void> {
    const revoked = await this.sessions.revoke(deviceId, this.clock.now());
    if (!revoked) throw DomainError.notFound('Device');
    await this.audit.record({
      action: 'door.device_revoked',
      actor: { id: actor.id, role: actor.role },
      target: { type: 'device', id: deviceId },
      summary: `user=${revoked.userId}`,
    });
  }
}
