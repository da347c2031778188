import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { type StaffRole, staffRoles } from './entities/user.entity';
import { type DeviceSession, DoorDevicesService } from './door-devices.service';

export class DoorDeviceDto {
  @ApiProperty() deviceId: string;
  @ApiProperty() userId: string;
  @ApiProperty() userName: string;
  @ApiProperty({ enum: staffRoles, enumName: 'StaffRole' }) role: StaffRole;
  @ApiProperty({ type: String, nullable: true, description: "the door's name the device reported" })
  deviceName: string | null;
  @ApiProperty({ format: 'date-time' }) signedInAt: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSyncAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'check-ins waiting on the device at its last sync' })
  waitingCount: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'check-ins the server refused, set aside on the device' })
  setAsideCount: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function mapDevice(d: DeviceSession): DoorDeviceDto {
  return {
    ...d,
    signedInAt: d.signedInAt.toISOString(),
    lastSeenAt: d.lastSeenAt.toISOString(),
    lastSyncAt: iso(d.lastSyncAt),
    revokedAt: iso(d.revokedAt),
  };
}

/** Organisers' view of the door phones: who, which door, last sync, what waits; and signing one out. */
@ApiTags('users')
@Auth('organiser')
@Controller('door-devices')
export class DoorDevicesController {
  constructor(private readonly devices: DoorDevicesService) {}

  @Get()
  @ApiOkResponse({ type: [DoorDeviceDto] })
  async list(): Promise<DoorDeviceDto[]> {
    return (await this.devices.list()).map(mapDevice);
  }

  @Post(':deviceId/revoke')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'signed out: the device gets 401 device_revoked and clears its data' })
  revoke(@CurrentUser() actor: AuthUser, @Param('deviceId', ParseUUIDPipe) deviceId: string): Promise<void> {
    return this.devices.revoke(actor, deviceId);
  }
}
