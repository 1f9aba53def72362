import { createContext, useContext } from "react";

// The CSP nonce exists only during server rendering; on the client the attribute is hidden by the browser.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
