import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";

/**
 * A small OpenID Provider for route tests, on 127.0.0.1: discovery, keys, a token endpoint that checks PKCE and
 * takes each code once, and an end-session endpoint. The test plays the browser's part at the provider: it
 * reads state, nonce and code challenge from the product's authorization address and asks for a code with the
 * ID token's claims of its choice, or a token bent the way an attack or a broken provider would bend it.
 * (The whole flow through a real provider, `oidc-provider`, runs in tests/e2e/organisation-sign-in.test.ts.)
 */

export interface IssuedToken {
  /** Claims to set or override (email, email_verified, iss, aud, nonce, exp...). */
  claims?: Record<string, unknown>;
  /** An ID token without signature (alg "none"). */
  unsigned?: boolean;
  /** Signed with a key the provider does not publish. */
  foreignKey?: boolean;
}

export interface FakeProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the provider does at its login page: a code for the authorization address the product sent the browser to. */
  authorize(authorizationUrl: string, token?: IssuedToken): Promise<{ code: string; state: string }>;
  /** Codes exchanged at the token endpoint (each at most once). */
  exchanged: number;
  close(): Promise<void>;
}

export async function startFakeProvider(): Promise<FakeProvider> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const foreign = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  const clientId = "werken-aan-veiligheid";
  const clientSecret = randomBytes(16).toString("hex");
  const codes = new Map<string, { challenge: string; idToken: string }>();
  let issuer = "";
  let exchanged = 0;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_post"],
      });
    }
    if (url.pathname === "/jwks") return json(200, { keys: [jwk] });
    if (url.pathname === "/token" && req.method === "POST") {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        const form = new URLSearchParams(body);
        const issued = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? ""); // a code works once
        const verifier = form.get("code_verifier") ?? "";
        const challenge = createHash("sha256").update(verifier).digest("base64url");
        if (!issued || form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret || challenge !== issued.challenge) {
          return json(400, { error: "invalid_grant" });
        }
        exchanged++;
        json(200, { access_token: randomBytes(16).toString("hex"), token_type: "Bearer", expires_in: 300, id_token: issued.idToken });
      });
      return;
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  return {
    issuer,
    clientId,
    clientSecret,
    get exchanged() {
      return exchanged;
    },
    async authorize(authorizationUrl, token = {}) {
      const asked = new URL(authorizationUrl).searchParams;
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        iss: issuer,
        aud: clientId,
        sub: asked.get("login_hint") ?? "iemand",
        email: asked.get("login_hint"),
        email_verified: true,
        nonce: asked.get("nonce"),
        iat: now,
        exp: now + 300,
        ...token.claims,
      };
      let idToken: string;
      if (token.unsigned) {
        const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
        idToken = `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
      } else {
        idToken = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "k1" }).sign(token.foreignKey ? foreign.privateKey : privateKey);
      }
      const code = randomBytes(16).toString("hex");
      codes.set(code, { challenge: asked.get("code_challenge") ?? "", idToken });
      return { code, state: asked.get("state") ?? "" };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
