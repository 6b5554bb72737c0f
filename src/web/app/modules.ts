import type { ComponentType } from 'react';
import {
  IconAdjustments,
  IconChartBar,
  IconHome,
  IconListNumbers,
  IconMap2,
  IconMessages,
  IconSchool,
  IconUsers,
} from '@tabler/icons-react';

/** Modules that exist in the navigation; their labels live under `nav.<key>`. */
export const MODULE_KEYS = [
  'home',
  'families',
  'directory',
  'consultation',
  'irpc',
  'learning',
  'insight',
  'admin',
] as const;
export type TModuleKey = (typeof MODULE_KEYS)[number];

/** Modules not built yet; each has `modules.<key>.description`. */
export type TPlannedModuleKey = Exclude<TModuleKey, 'home'>;

export interface TModuleEntry {
  key: TModuleKey;
  path: string;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean | 'true' }>;
}

/** The side navigation, in order. Paths are Dutch, like the users. */
export const MODULES: readonly TModuleEntry[] = [
  { key: 'home', path: '/', icon: IconHome },
  { key: 'families', path: '/gezinnen', icon: IconUsers },
  { key: 'directory', path: '/sociale-kaart', icon: IconMap2 },
  { key: 'consultation', path: '/overleg', icon: IconMessages },
  { key: 'irpc', path: '/prioriteitencommissie', icon: IconListNumbers },
  { key: 'learning', path: '/samen-leren', icon: IconSchool },
  { key: 'insight', path: '/regio-inzicht', icon: IconChartBar },
  { key: 'admin', path: '/beheer', icon: IconAdjustments },
];

/** Path of the page of one region. */
export const regionPath = (code: string) => `/regio/${encodeURIComponent(code)}`;
