import { ImportMemberData } from './import-member-data.service';
import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { RegisterModule } from '../register.module';
import { ImportBatchRepository } from './import-batch.repository';
import { ImportedMembersRepository } from './imported-members.repository';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';
import { ImportFileChunk } from './import-file-chunk.entity';
import { UploadStore } from './upload-store';
import { TypeOrmModule } from '@nestjs/typeorm';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

@Module({
  imports: [
    RegisterModule,
    TypeOrmModule.forFeature([ImportFileChunk]),
    // Uploads stream to disk (never into memory) in DATA_DIR; the service keeps each in the database (UploadStore).
    MultipartModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        dest: join(config.dataDir, 'imports', 'incoming'),
        limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [ImportController],
  providers: [ImportService, ImportBatchRepository, ImportedMembersRepository, ImportMemberData, UploadStore],
})
export class ImportModule {}
