// Runtime: any (pure core). zod as every part of the app uses it, configured before any schema is
// built. Without `jitless`, zod probes for `new Function` the first time it builds an object
// schema; under the app's `script-src 'self'` the probe is refused and the page's policy reports a
// violation for it (the throw is caught, the report is not). zod reads the setting when a schema is
// built, so it must be set before the first `z.object`: importing `z` from here guarantees it.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
