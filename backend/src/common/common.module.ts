import { Global, Module } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { Clock } from './clock';

@Global()
@Module({ providers: [Clock, Transactions], exports: [Clock, Transactions] })
export class CommonModule {}
