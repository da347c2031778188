import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataSourceOptions, DatabaseTarget } from './data-source-options';

@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget): DynamicModule {
    if (target.type === 'sqlite' && target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    return { module: DatabaseModule, imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(target), autoLoadEntities: true })] };
  }
}
