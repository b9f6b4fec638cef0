import { createStaticServer } from './scripts/serve/static-server.ts';
const server = createStaticServer({ root: '/tmp/zipx/dist', mounts: { '/data': '/work/wt-zip/bench/x10/data' } });
server.listen(4232, '127.0.0.1');
