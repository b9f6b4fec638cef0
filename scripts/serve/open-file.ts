// Opens a file to serve, before any header is written: what it answers (size, date) is what
// the open descriptor will read, even if the release is swapped or removed meanwhile (an open
// file outlives its name), and a failure to open can still become a status code.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export interface OpenFile {
  handle: FileHandle;
  path: string;
  size: number;
  mtime: Date;
}

// Nothing servable at that path: answered 404. Any other error (EACCES, EMFILE…) is thrown.
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP']);

/** The regular file at `path` (a directory's index.html), open; null if there is none. */
export async function openFile(path: string): Promise<OpenFile | null> {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer, holding a thread for ever.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    if (ABSENT.has(error.code!)) return null;
    throw error;
  });
  if (!handle) return null;
  const info = await handle.stat().catch(async (error) => {
    await handle.close();
    throw error;
  });
  if (info.isFile()) return { handle, path, size: info.size, mtime: info.mtime };
  await handle.close();
  return info.isDirectory() ? openFile(join(path, 'index.html')) : null;
}
