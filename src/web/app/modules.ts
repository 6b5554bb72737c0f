import type { ComponentType } from 'react';
import {
  IconAdjustments,
  IconAlertTriangle,
  IconBook2,
  IconChartBar,
  IconHome,
  IconInbox,
  IconListNumbers,
  IconMap2,
  IconMapPin,
  IconMessages,
  IconSchool,
  IconUsers,
} from '@tabler/icons-react';

/** Modules that exist in the navigation; their labels live under `nav.<key>`. */
export const MODULE_KEYS = [
  'home',
  'requests',
  'signals',
  'families',
  'directory',
  'consultation',
  'irpc',
  'learning',
  'insight',
  'admin',
  'glossary',
  'directoryManage',
] as const;
export type TModuleKey = (typeof MODULE_KEYS)[number];

/** Modules not built yet; each has `modules.<key>.description`. */
export type TPlannedModuleKey = Exclude<TModuleKey, 'home' | 'requests' | 'signals' | 'admin' | 'glossary' | 'directoryManage' | 'learning' | 'consultation'>;

export interface TModuleEntry {
  key: TModuleKey;
  path: string;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean | 'true' }>;
  /** Not built yet: reachable by its address (an honest "coming" page), but not in the navigation. */
  planned?: boolean;
  /** Shown only to someone with this ability (the server checks again). */
  ability?: string;
}

/** The side navigation, in order. Paths are Dutch, like the users. */
export const MODULES: readonly TModuleEntry[] = [
  { key: 'home', path: '/', icon: IconHome },
  { key: 'requests', path: '/aanmeldingen', icon: IconInbox, ability: 'requests.board' },
  // Blocked trajectories of the region: network coordinators (the route gate of /api/signals).
  { key: 'signals', path: '/signalen', icon: IconAlertTriangle, ability: 'network.coordinate' },
  { key: 'families', path: '/gezinnen', icon: IconUsers, ability: 'families.view' },
  { key: 'directory', path: '/sociale-kaart', icon: IconMap2 },
  // Keeping the directory: organisation admins (their own entries), coordinators and platform admins (stale entries).
  { key: 'directoryManage', path: '/sociale-kaart/beheer', icon: IconMapPin, ability: 'directory.keep' },
  // Consultation: the bodies one is a member of (coordinators: of their regions).
  { key: 'consultation', path: '/overleg', icon: IconMessages, ability: 'governance.view' },
  { key: 'irpc', path: '/prioriteitencommissie', icon: IconListNumbers, planned: true },
  // Learning together: everyone working in an organisation, and coordinators (network days, trainings).
  { key: 'learning', path: '/samen-leren', icon: IconSchool, ability: 'learning.view' },
  { key: 'insight', path: '/regio-inzicht', icon: IconChartBar, planned: true },
  { key: 'admin', path: '/beheer', icon: IconAdjustments, ability: 'admin.view' },
  { key: 'glossary', path: '/begrippen', icon: IconBook2 },
];

/** The modules this person can use now: built ones, and only those their abilities allow. */
export function navigableModules(abilities: Readonly<Record<string, boolean>> | undefined): TModuleEntry[] {
  return MODULES.filter((entry) => !entry.planned && (!entry.ability || abilities?.[entry.ability] === true));
}

export const GLOSSARY_PATH = '/begrippen';

/** Path of the page of one region. */
export const regionPath = (code: string) => `/regio/${encodeURIComponent(code)}`;
