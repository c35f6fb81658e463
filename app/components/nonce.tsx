import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of this response: inline scripts Remix renders carry it. In the
// browser it is empty (browsers hide nonce values from the DOM once the page has loaded).
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
