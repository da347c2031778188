import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../../auth/auth.decorators';
import { TakesUpload } from '../../common/json-body.guard';
import type { AuthUser } from '../../auth/auth-user';
import { ImportBatchDto, ImportDetailDto, ImportPreviewDto } from './dto/import-batch.dto';
import { CommitImportDto, PreviewImportDto } from './dto/import-request.dto';
import { mapImportBatch, mapProblem, mapSample } from './import.mapper';
import type { ImportDetail } from './import.service';
import { ImportService, type UploadedSpreadsheet } from './import.service';

@ApiTags('imports')
@Auth('organiser', 'registrar')
@Controller('imports')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @UseInterceptors(FileInterceptor('file'))
  @TakesUpload()
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'a CSV (comma or semicolon) or XLSX file, at most 50 MB' },
      },
    },
  })
  @ApiCreatedResponse({ type: ImportDetailDto })
  async upload(@CurrentUser() user: AuthUser, @UploadedFile() file: UploadedSpreadsheet | undefined): Promise<ImportDetailDto> {
    return mapDetail(await this.imports.upload(user, file));
  }

  @Get()
  @ApiOkResponse({ type: [ImportBatchDto], description: 'newest first; a registrar sees their own' })
  async list(@CurrentUser() user: AuthUser): Promise<ImportBatchDto[]> {
    return (await this.imports.list(user)).map(mapImportBatch);
  }

  @Get(':id')
  @ApiOkResponse({ type: ImportDetailDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ImportDetailDto> {
    return mapDetail(await this.imports.get(user, id));
  }

  @Post(':id/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportPreviewDto, description: 'a dry run: nothing is imported' })
  async preview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewImportDto,
  ): Promise<ImportPreviewDto> {
    const { batch, problems, samples } = await this.imports.preview(user, id, dto);
    return { batch: mapImportBatch(batch), problems: problems.map(mapProblem), samples: samples.map(mapSample) };
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportBatchDto })
  async commit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CommitImportDto,
  ): Promise<ImportBatchDto> {
    return mapImportBatch(await this.imports.commit(user, id, dto));
  }

  @Post(':id/rollback')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportBatchDto })
  async rollback(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ImportBatchDto> {
    return mapImportBatch(await this.imports.rollback(user, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'an upload that was never committed, dropped with its file' })
  async discard(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.imports.discard(user, id);
  }
}

function mapDetail(detail: ImportDetail): ImportDetailDto {
  return { batch: mapImportBatch(detail.batch), columns: detail.columns, sampleRows: detail.sampleRows };
}
