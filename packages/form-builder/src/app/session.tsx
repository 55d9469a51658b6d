import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, signInGate } from '../api/client';
import { done, errorOf } from '../api/errors';
import type { Session } from '../api/types';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed_out' }
  | { status: 'error'; error: Error }
  | { status: 'signed_in'; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** Reads the session again (after signing in). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Who is signed in, read from the server (the cookie is HttpOnly: the console cannot and does
 * not keep any token itself).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const response = await api.auth.session.$get();
      if (response.status === 401) {
        setState({ status: 'signed_out' });
        return;
      }
      if (!response.ok) throw await errorOf(response);
      setState({ status: 'signed_in', session: await response.json() });
    } catch (error) {
      setState({
        status: 'error',
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }, []);
  const signOut = useCallback(async () => {
    await done(api.auth['sign-out'].$post()).catch(() => undefined);
    // Nothing of the last person's work may stay on screen for the next one at this desk.
    signInGate.cancel();
    setState({ status: 'signed_out' });
    window.history.replaceState(null, '', '/');
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <SessionContext.Provider value={{ state, refresh, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

/** The session state and its actions. */
export function useSessionState(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionState outside SessionProvider');
  return value;
}

/** The signed-in session; only for screens shown after sign-in. */
export function useSession(): Session {
  const { state } = useSessionState();
  if (state.status !== 'signed_in') throw new Error('useSession before sign-in');
  return state.session;
}
