/**
 * The pages anyone may read without an account (issue 30): the published national picture. They never read
 * or set a session cookie, so the root loader does not look one up for them, and they are plain documents
 * without scripts (the same bytes for everyone, so the server keeps them ready, decision 92).
 */
export const isPublicPicturePath = (pathname: string) => pathname === "/cijfers" || pathname.startsWith("/cijfers/");

/** Everything public: the pages above, their open data, and the read-only API under /api/. */
export const isPublicPath = (pathname: string) => isPublicPicturePath(pathname) || pathname === "/api" || pathname.startsWith("/api/");
