import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Forum } from './forum.entity';
import { ForumRepository } from './forum.repository';
import { ForumsController } from './forums.controller';
import { ForumsService } from './forums.service';

@Module({
  imports: [TypeOrmModule.forFeature([Forum])],
  controllers: [ForumsController],
  providers: [ForumsService, ForumRepository],
  exports: [ForumsService],
})
export class ForumsModule {}
