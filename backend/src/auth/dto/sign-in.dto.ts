import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'organiser@example.org' })
  @IsEmail({}, { message: 'enter a valid email address' })
  @MaxLength(254, { message: 'use at most $constraint1 characters' })
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'enter your password' })
  @MaxLength(200, { message: 'use at most $constraint1 characters' })
  password: string;
}

export class SetupDto extends SignInDto {
  @ApiProperty({ example: 'Palesa Mokoena' })
  @IsString()
  @MinLength(1, { message: 'enter your name' })
  @MaxLength(120, { message: 'use at most $constraint1 characters' })
  name: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'use at least 10 characters' })
  @MaxLength(200, { message: 'use at most $constraint1 characters' })
  declare password: string;
}
