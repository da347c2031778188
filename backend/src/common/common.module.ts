import { Global, Module } from '@nestjs/common';
import { ErasedPages } from '../database/erased-pages';
import { Transactions } from '../database/transactions';
import { Clock } from './clock';

@Global()
@Module({ providers: [Clock, Transactions, ErasedPages], exports: [Clock, Transactions, ErasedPages] })
export class CommonModule {}
