import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

/** Check-ins recorded by this process, by forum: what the live arrivals stream listens to. */
@Injectable()
export class CheckInEvents {
  private readonly subject = new Subject<string>();
  readonly forums$ = this.subject.asObservable();

  recorded(forumId: string): void {
    this.subject.next(forumId);
  }
}
