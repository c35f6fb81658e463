import { z } from "zod";

// Every module of the product takes zod from here, so this runs before any schema is made, wherever zod is
// first loaded. In the browser zod parses without compiling code of its own (decision 89): its just-in-time
// parser, and the probe for it, call `new Function`, which the content security policy forbids (no
// 'unsafe-eval'). The server keeps the faster compiled parser: no policy applies there. A page loads zod only
// where it validates (decision 93), so this can no longer be done once by the root.
if (typeof document !== "undefined") z.config({ jitless: true });

export { z };
