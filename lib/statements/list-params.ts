/** The statements list's search parameters: with none of them, /statements is the cached plain list (next.config.ts). */
export const statementListParams = ["q", "election", "organization", "kind", "language", "page"] as const;
