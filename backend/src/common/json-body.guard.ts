import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';

const TAKES_UPLOAD = 'df:takesUpload';
const STATE_CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A route that takes a file upload (multipart/form-data) instead of a JSON body; the OpenAPI document says so too. */
export const TakesUpload = () => applyDecorators(SetMetadata(TAKES_UPLOAD, true), ApiConsumes('multipart/form-data'));

/**
 * A state change sends JSON, or multipart on an upload route, or no body at all (a button's POST). A
 * form-encoded, multipart or text body is what a cross-site <form> or a no-cors fetch can send without
 * asking, so it is refused with 415 even where a parser would read it, empty or not.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const contentType = req.headers['content-type'];
    if (!STATE_CHANGES.has(req.method) || contentType === undefined) return true;
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    const upload = this.reflector.getAllAndOverride<boolean>(TAKES_UPLOAD, [context.getHandler(), context.getClass()]);
    const expected = upload ? 'multipart/form-data' : 'application/json';
    if (mediaType === expected) return true;
    throw new DomainError('unsupported_media_type', `Send the body as ${expected}`);
  }
}
