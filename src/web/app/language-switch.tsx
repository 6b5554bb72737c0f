import { useRef, type KeyboardEvent } from 'react';
import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, DEFAULT_LANGUAGE, LANGUAGES, toLanguage, type TLanguage } from '../i18n.js';
import classes from './language-switch.module.css';

/**
 * NL/EN switch, following the ARIA radio-group pattern: a group named "Taal" /
 * "Language" with one radio per language ("NL (Nederlands)", "EN (English)").
 * Arrow keys move and select; only the checked option is in the tab order.
 * Buttons rather than hidden native radios, so every option has a real, clickable box.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value = toLanguage(i18n.language) ?? DEFAULT_LANGUAGE;
  const buttons = useRef<Partial<Record<TLanguage, HTMLButtonElement | null>>>({});

  const select = (lng: TLanguage, moveFocus: boolean) => {
    if (moveFocus) buttons.current[lng]?.focus();
    if (lng !== value) void changeLanguage(lng);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = LANGUAGES.length - 1;
    const target: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowDown: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      ArrowUp: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = LANGUAGES[target[event.key] ?? -1];
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  };

  return (
    <div role="radiogroup" aria-label={t('language.label')} className={classes.root}>
      {LANGUAGES.map((lng, index) => (
        <UnstyledButton
          key={lng}
          ref={(node: HTMLButtonElement | null) => {
            buttons.current[lng] = node;
          }}
          role="radio"
          aria-checked={lng === value}
          tabIndex={lng === value ? 0 : -1}
          lang={lng}
          // The name starts with the visible code (label in name), then says the language in full.
          aria-label={`${lng.toUpperCase()} (${t(`language.${lng}`)})`}
          className={classes.option}
          onClick={() => select(lng, false)}
          onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => onKeyDown(event, index)}
        >
          {lng.toUpperCase()}
        </UnstyledButton>
      ))}
    </div>
  );
}
