import { useSyncExternalStore } from 'react';
import { databaseState, onDatabaseState, type DatabaseState } from './database.ts';

export function useDatabase(): DatabaseState {
  return useSyncExternalStore(onDatabaseState, databaseState);
}
