// `npm run serve -- [dist] [--port 8080] [--host 127.0.0.1] [--data DIR] [--no-range] [--no-compression] [--help]`:
// serves the built site the way a good static host does (see README, "Hosting"). Analysts can
// run the directory from their own laptop with it; the benchmark and browser tests use it too.
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createStaticServer } from './serve/static-server.ts';

const USAGE = 'usage: npm run serve -- [dist] [--port 8080] [--host 127.0.0.1] [--data DIR] [--no-range] [--no-compression]';
const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        'no-range': { type: 'boolean', default: false },
        'no-compression': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    // An option mistyped: the line that says which, and the usage, not a stack trace.
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = positionals[0] ?? 'dist';
const server = createStaticServer({
  root, mounts: values.data ? { '/data': values.data } : {}, ranges: !values['no-range'], compression: !values['no-compression'],
});
// `--port 0` takes a free port; the line below says which (the tests read it).
server.listen(Number(values.port), values.host, () => {
  console.log(`Serving ${root} at http://${values.host}:${(server.address() as AddressInfo).port}/`);
});
