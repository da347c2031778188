import { Global, Module } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { Clock } from './clock';
import { LinkLifetime } from './link-lifetime';

@Global()
@Module({ providers: [Clock, Transactions, LinkLifetime], exports: [Clock, Transactions, LinkLifetime] })
export class CommonModule {}
