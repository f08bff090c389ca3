/** The only algorithms a token may use. Pinned so `none`, HS256-with-a-public-key and RSA tricks fail. */
export const SIGNING_ALGORITHMS = ['EdDSA', 'ES256'] as const;
