import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'organiser@example.org' })
  @IsEmail({}, { message: 'enter a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'enter your password' })
  @MaxLength(200)
  password: string;
}

export class SetupDto extends SignInDto {
  @ApiProperty({ example: 'Palesa Mokoena' })
  @IsString()
  @MinLength(1, { message: 'enter your name' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'use at least 10 characters' })
  @MaxLength(200)
  declare password: string;
}
