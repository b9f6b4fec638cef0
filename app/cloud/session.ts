// The MotherDuck token lives in sessionStorage and nowhere else: gone when the tab closes,
// never in localStorage, the URL, the query history or a message (see redact).

export interface CloudSession {
  token: string;
  database: string;
}

const KEY = 'nrd:motherduck';

export function savedSession(): CloudSession | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as CloudSession | null;
    return session?.token && session.database ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: CloudSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
}
