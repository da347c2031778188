import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DoorDevicesController } from './door-devices.controller';
import { DoorDevicesService } from './door-devices.service';
import { Session } from './entities/session.entity';
import { SignInThrottleRow } from './entities/sign-in-throttle.entity';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';
import { SignInThrottle } from './sign-in-throttle';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottleStore } from './sign-in-throttle.store';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, SignInThrottleRow])],
  controllers: [AuthController, UsersController, DoorDevicesController],
  providers: [
    AuthService,
    UsersService,
    DoorDevicesService,
    UserRepository,
    SessionRepository,
    PasswordHasher,
    SignInThrottle,
    { provide: SignInThrottleStore, useClass: SignInThrottleRepository },
  ],
  exports: [AuthService, UsersService, DoorDevicesService],
})
export class AuthModule {}
