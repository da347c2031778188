import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AttendeeRole } from '../attendees/attendee.constants';
import { repoRoot, templatesDir } from '../paths';

export interface RoleStyle {
  colour: string;
  en: string;
  st: string;
}

/** templates/badge/layout.json: millimetres and points. */
export interface BadgeLayout {
  pages: {
    single: { size: string; width: number; height: number };
    sheet: { size: string; width: number; height: number; columns: number; rows: number };
  };
  margin: number;
  cutMarks: { length: number; width: number; colour: string };
  fonts: { regular: string; bold: string };
  band: { height: number; roleSize: number; translationSize: number; textColour: string };
  forum: { nameSize: number; datesSize: number; colour: string; gap: number };
  name: { firstMaxSize: number; lastMaxSize: number; minSize: number; colour: string; gap: number };
  place: { size: number; colour: string; gap: number };
  qr: { size: number; quietZoneModules: number; colour: string; bottom: number };
  number: { size: number; colour: string; bottom: number };
  roles: Record<AttendeeRole, RoleStyle>;
}

export interface BadgeFonts {
  regular: Buffer;
  bold: Buffer;
}

export const MM = 72 / 25.4;

export function loadBadgeLayout(): BadgeLayout {
  return JSON.parse(readFileSync(join(templatesDir, 'badge', 'layout.json'), 'utf8')) as BadgeLayout;
}

/**
 * The DejaVu fonts, read once. Resolved through the package (not a fixed path) so they are found
 * wherever npm put node_modules; from the backend's manifest, which exists in the repo and the image.
 */
export function loadBadgeFonts(layout: BadgeLayout): BadgeFonts {
  const require = createRequire(join(repoRoot, 'backend', 'package.json'));
  const font = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  return { regular: font(layout.fonts.regular), bold: font(layout.fonts.bold) };
}
