import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions, DatabaseTarget } from './data-source-options';
import { underDatabaseLock } from './database-lock';

@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget): DynamicModule {
    if (target.type === 'sqlite' && target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(target), migrationsRun: false, autoLoadEntities: true }),
          // Migrations run once the connection is up, one process at a time: replicas started
          // together on an empty database would otherwise race to create the same tables.
          // Without the statement time limit: a migration may rewrite a large table.
          dataSourceFactory: async (options) => {
            const migrating = await new DataSource({ ...options!, enableQueryTimeout: false } as DataSourceOptions).initialize();
            try {
              await underDatabaseLock(migrating, 'migrations', () => migrating.runMigrations());
            } finally {
              await migrating.destroy();
            }
            return new DataSource(options!).initialize();
          },
        }),
      ],
    };
  }
}
