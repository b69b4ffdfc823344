// `node scripts/serve.mjs`: the built app as `npm start` serves it (workers
// sharing one port; scripts/lib/serve-cluster.mjs), without the install,
// settings, migration and build steps. PORT (3000), HOST, HINDSIGHT_WORKERS.
import { serveCluster, workerCount } from "./lib/serve-cluster.mjs";

serveCluster({ port: process.env.PORT || "3000", host: process.env.HOST, workers: workerCount() });
