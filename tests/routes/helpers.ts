export { buildWorld, sectionFields, TEST_PASSWORD, validAnswers, type World } from "../support/fixtures.ts";
export { sessionCookieFor as sectionCookie } from "../support/fixtures.ts";
