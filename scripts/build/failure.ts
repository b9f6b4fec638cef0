// Failures the person running the build can act on, each as one line: bad input, a refused
// --out, a full disk, a folder they may not write. Anything else is a bug and keeps its stack.

/** The build cannot go on, for a reason outside the code (the sources, the folders, the disk). */
export class BuildError extends Error {}

const ERRNO: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of this path is a file, not a folder',
  EISDIR: 'a folder, not a file',
  ENOTEMPTY: 'folder not empty',
  EEXIST: 'already exists',
  EINVAL: 'invalid argument',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files in this process',
  ENFILE: 'too many open files on this system',
  EBUSY: 'busy',
  EXDEV: 'on another file system',
};

/** One line saying what failed, or undefined for an error that is a bug. */
export function describeFailure(error: unknown): string | undefined {
  if (error instanceof BuildError) return error.message;
  const e = error as NodeJS.ErrnoException | undefined;
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
    const where = [e.path, (e as { dest?: string }).dest].filter(Boolean).join(' → ');
    return `${where ? `${where}: ` : ''}${ERRNO[e.code] ?? e.message.split('\n')[0]} (${e.code}${e.syscall ? `, ${e.syscall}` : ''})`;
  }
  // DuckDB's own reading and writing of files (COPY, read_json) fails with these.
  if (error instanceof Error && /^(IO|Out of Memory|Permission) Error: /.test(error.message)) return error.message.split('\n')[0];
  return undefined;
}
