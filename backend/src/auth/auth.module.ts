import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DoorDevicesController } from './door-devices.controller';
import { DoorDevicesService } from './door-devices.service';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session])],
  controllers: [AuthController, UsersController, DoorDevicesController],
  providers: [AuthService, UsersService, DoorDevicesService, UserRepository, SessionRepository, PasswordHasher],
  exports: [AuthService, UsersService, DoorDevicesService],
})
export class AuthModule {}
