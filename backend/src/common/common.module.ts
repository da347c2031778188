import { Global, Module } from '@nestjs/common';
import { ErasedPages } from '../database/erased-pages';
import { Transactions } from '../database/transactions';
import { Clock } from './clock';
import { LinkLifetime } from './link-lifetime';

@Global()
@Module({
  providers: [Clock, Transactions, LinkLifetime, ErasedPages],
  exports: [Clock, Transactions, LinkLifetime, ErasedPages],
})
export class CommonModule {}
