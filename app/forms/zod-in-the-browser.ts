import { z } from "zod";

// In the browser zod parses without compiling code of its own (decision 89). Its just-in-time parser, and the
// probe for it, call `new Function`, which the content security policy forbids (no 'unsafe-eval'): every form
// page reported a violation. Set before any schema is made (root.tsx imports this first), as zod decides when a
// schema is created. The server keeps the faster compiled parser: no policy applies there.
if (typeof document !== "undefined") z.config({ jitless: true });
