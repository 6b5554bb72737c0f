import { createContext, useCallback, useContext, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { reauthenticate } from '../../api/admin.js';
import { ApiError, errorMessageKey } from '../../api/client.js';

/** Thrown by `withStepUp` when the person closed the code dialog: nothing happened, say nothing. */
export class StepUpCancelledError extends Error {
  override readonly name = 'StepUpCancelledError';
  constructor() {
    super('Step-up cancelled');
  }
}

/** True for the error of a cancelled step-up: callers show no message for it. */
export const isStepUpCancelled = (error: unknown): error is StepUpCancelledError => error instanceof StepUpCancelledError;

/** True when the server asks to confirm the second factor again first. */
export const isReauthRequired = (error: unknown): boolean => error instanceof ApiError && error.code === 'reauth_required';

type TAskCode = () => Promise<void>;

const StepUpContext = createContext<TAskCode | null>(null);

interface TPending {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** The dialog that asks for the 6-digit code; resolves the pending request when the server accepts it. */
function StepUpDialog({ pending, onDone }: { pending: TPending | null; onDone: (confirmed: boolean) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    if (busy) return;
    setCode('');
    setError(null);
    onDone(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(value)) {
      setError(t('stepUp.codeFormat'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await reauthenticate(value);
      setCode('');
      onDone(true);
    } catch (cause) {
      setError(cause instanceof ApiError && cause.code === 'invalid_mfa_code' ? t('stepUp.wrongCode') : t(errorMessageKey(cause)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={pending !== null}
      onClose={close}
      title={t('stepUp.title')}
      centered
      closeButtonProps={{ 'aria-label': t('stepUp.cancel') }}
      zIndex={400}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text>{t('stepUp.lead')}</Text>
          <TextInput
            label={t('stepUp.code')}
            description={t('stepUp.codeHelp')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={error}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            data-autofocus
            styles={{ input: { fontSize: '1.25rem', letterSpacing: '0.2em', fontVariantNumeric: 'tabular-nums' } }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('stepUp.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('stepUp.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Gives its children `useStepUp()`: a sensitive request that answers `reauth_required` opens one
 * dialog asking for the code of the authenticator app, and is then tried once more.
 */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<TPending | null>(null);
  const pendingRef = useRef<TPending | null>(null);

  const askCode = useCallback<TAskCode>(
    () =>
      new Promise<void>((resolve, reject) => {
        // One dialog at a time: a second request waits for the same confirmation.
        const previous = pendingRef.current;
        const entry: TPending = previous
          ? {
              resolve: () => {
                previous.resolve();
                resolve();
              },
              reject: (e) => {
                previous.reject(e);
                reject(e);
              },
            }
          : { resolve, reject };
        pendingRef.current = entry;
        setPending(entry);
      }),
    [],
  );

  const done = useCallback((confirmed: boolean) => {
    const entry = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    if (!entry) return;
    if (confirmed) entry.resolve();
    else entry.reject(new StepUpCancelledError());
  }, []);

  return (
    <StepUpContext.Provider value={askCode}>
      {children}
      <StepUpDialog pending={pending} onDone={done} />
    </StepUpContext.Provider>
  );
}

/**
 * `withStepUp(fn)` runs `fn`; when the server answers `reauth_required`, it asks for the code
 * (step-up) and runs `fn` once more. Cancelling rejects with `StepUpCancelledError`.
 */
export function useStepUp() {
  const askCode = useContext(StepUpContext);
  const withStepUp = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (error) {
        if (!isReauthRequired(error) || !askCode) throw error;
        await askCode();
        return fn();
      }
    },
    [askCode],
  );
  return useMemo(() => ({ withStepUp }), [withStepUp]);
}
