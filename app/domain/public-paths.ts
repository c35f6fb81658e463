/**
 * The pages anyone may read without an account (issue 30): the published national picture. They never read
 * or set a session cookie, so the root loader does not look one up for them.
 */
export const isPublicPicturePath = (pathname: string) => pathname === "/cijfers" || pathname.startsWith("/cijfers/");
