import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../auth/auth.decorators';
import { InvitationLinksService } from './invitation-links.service';

@ApiTags('invitations')
@Auth('organiser')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly links: InvitationLinksService) {}

  @Post(':id/revoke')
  @HttpCode(204)
  @ApiNoContentResponse()
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.links.revoke(id);
  }

  @Post(':id/reissue')
  @HttpCode(204)
  @ApiNoContentResponse()
  async reissue(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.links.reissue(id);
  }
}
