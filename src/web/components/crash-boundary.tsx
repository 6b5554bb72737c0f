import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from '../i18n.js';

interface State {
  failed: boolean;
}

/**
 * Last line of defence around the whole app. It renders without Mantine or the
 * router (either may be what failed), so it only uses plain elements.
 */
export class CrashBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Samenplan crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main
        style={{
          fontFamily: 'system-ui, sans-serif',
          maxWidth: '36rem',
          margin: '4rem auto',
          padding: '0 1rem',
          color: '#212529',
          lineHeight: 1.55,
        }}
      >
        <h1 style={{ fontSize: '1.75rem' }}>{i18n.t('crash.title')}</h1>
        <p>{i18n.t('crash.text')}</p>
        <button
          type="button"
          onClick={() => window.location.reload()}
          style={{
            font: 'inherit',
            padding: '0.5rem 1rem',
            borderRadius: '0.5rem',
            border: 0,
            background: '#0f6e7a',
            color: '#fff',
            cursor: 'pointer',
          }}
        >
          {i18n.t('crash.reload')}
        </button>
      </main>
    );
  }
}
