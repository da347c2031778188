import { type AccessibilityNeed, attendeeRoleLabels } from '@diaspora-forum/lists';
import type { VerdictKind } from './verdict';

/** Every word the door screens show (staff UI, English), in one place. */
export const text = {
  appName: 'Door',
  online: 'Online',
  offline: 'Offline',
  dataFrom: (age: string) => `Data from ${age}`,
  noData: 'No data yet',
  waiting: (n: number) => (n === 1 ? '1 check-in waiting to be sent' : `${n} check-ins waiting to be sent`),
  allSent: 'All check-ins sent',
  appStored: 'App stored for offline use',
  appStoring: 'Storing the app for offline use…',
  appNotStored: 'The app could not be stored for offline use: keep this page open.',
  signInAgain: 'Your session has ended: sign in again to send the waiting check-ins (they are kept).',
  signInLink: 'Sign in again',
  sendRefused: (reason: string) =>
    `The server could not take the waiting check-ins (${reason}). They are kept; tell an organiser.`,
  setAsideTitle: 'Refused by the server: set aside (the rest were sent)',
  setAsideLine: (name: string, time: string, why: string) => `${name}, scanned ${time}: ${why}`,
  setAsideHint: 'Tell an organiser: these are kept on this device and reported, but will not be sent again.',
  revokedTitle: 'This device was signed out',
  revokedBody:
    'An organiser signed this device out of the door app. Everything it held for the door (attendee list, check-ins, settings) has been removed from it.',
  wrongToday: (today: string, chosen: string) =>
    `Today at the venue is ${today}, but this door is set to ${chosen}. Check the day (or the phone's date) before scanning.`,
  doorList: 'Paper door list (PDF)',
  admitAnyway: 'Admit anyway…',
  overrideLabel: 'Why admit anyway? (kept on record)',
  overrideConfirm: 'Admit with this reason',
  overrideCancel: 'Cancel',
  overridden: 'Admitted by override',
  setupTitle: 'Set up this door',
  forum: 'Forum',
  day: 'Day',
  doorName: 'Name of this door',
  doorNameHint: 'For example "Main gate"; it is saved on this device.',
  start: 'Start scanning',
  noForums: 'No open forums.',
  forumsOffline: 'Offline: showing the forums this device knew last.',
  scanTitle: 'Scan badges',
  scanHint: 'Point the camera at a badge, or scan with a handheld scanner.',
  codeLabel: 'Badge code (handheld scanner or typed)',
  check: 'Check',
  next: 'Next badge',
  cameraStart: 'Start camera',
  cameraStop: 'Stop camera',
  cameraError: 'The camera could not be started: use a handheld scanner or search by name.',
  search: 'Search by name or phone',
  walkIn: 'Register a walk-in',
  changeDoor: 'Change forum, day or door',
  conflicts: 'Conflicts: admitted here while offline, but admitted earlier elsewhere',
  conflictLine: (name: string, door: string, time: string, staff: string | null | undefined) =>
    `${name}: first admitted at ${door}, ${time}${staff ? ` by ${staff}` : ''}`,
  loadingData: 'Downloading the attendee list…',
  dataMissing: 'This device has no data for this day yet: connect to the network once to download it.',
  searchLabel: 'Name, last digits of phone, or badge number',
  noMatches: 'No one matches.',
  checkIn: 'Check in',
  back: 'Back to scanning',
  badge: (n: number) => `Badge ${n}`,
  needs: 'Needs',
  walkInOffline: 'Registering a walk-in needs the network: this device is offline.',
  firstName: 'First name',
  lastName: 'Surname',
  email: 'Email (optional)',
  phone: 'Phone (optional)',
  country: 'Country of residence',
  province: 'Province',
  language: 'Preferred language',
  /** Read to the person. The server records it as consent to the register, invitations and updates. */
  consent:
    'I agree that the Diaspora Directorate keeps these details in the diaspora register and contacts me about diaspora forums and news. I can see, correct or remove them at any time.',
  register: 'Register and admit',
  registered: (n: number) => `Registered with badge number ${n} and admitted.`,
};

export const verdictTitle: Record<VerdictKind, string> = {
  admitted: 'Admitted',
  already: 'Already checked in',
  revoked: 'Badge revoked',
  'wrong-day': 'Not for this day',
  'wrong-forum': 'Not for this forum',
  invalid: 'Not a valid badge',
  unknown: 'Unknown badge number',
};

export const verdictDetail = {
  alreadyAt: (time: string, door: string) => `At ${time}, ${door}`,
  revoked: 'This badge has been cancelled. Send the person to the help desk.',
  olderVersion: 'This badge was replaced by a newer one. Send the person to the help desk.',
  wrongDay: 'Registered for other days of the forum. If the organisers agree, check them in by hand (search).',
  wrongForum: 'This badge belongs to another forum.',
  invalid: 'This code is not a genuine badge of this forum.',
  unknown: (n: number) => `Badge ${n} is not in this device's list. Search by name, or send the person to the help desk.`,
};

/** The console's word for each role (one copy, shared). */
export const roleLabel = attendeeRoleLabels;

/** The access needs an invitee may tick on the RSVP page (the same list), in the door staff's words. */
export const needLabel: Record<AccessibilityNeed, string> = {
  wheelchair: 'Wheelchair user',
  step_free: 'Step-free access',
  hearing: 'Hearing support',
  visual: 'Visual support',
  seating: 'Needs seating',
  assistant: 'Comes with an assistant',
  quiet_space: 'Quiet space',
};

const needWords = new Map<string, string>(Object.entries(needLabel));
/** A need as the door shows it: its words when it is one of the access needs, else as written. */
export const needText = (need: string): string => needWords.get(need) ?? need;
