/**
 * The message namespaces each workspace's client components use (the forms validate and explain
 * in the browser): only these are sent to the browser with its pages, not the whole catalogue of
 * some 100 kB a language. client-namespaces.test.ts walks each route group's imports and fails
 * when a client component needs a namespace not listed here, or one listed is no longer used.
 */
export const workspaceClientNamespaces = {
  auth: ["account", "errors", "invitation", "layout", "observerAccess", "passwords", "signIn", "twoFactor", "validation"],
  portal: ["applications", "errors", "layout", "meetingChanges", "meetings", "observerImport", "observerPhotos", "observers", "statements", "validation"],
  commission: ["accounts", "audit", "elections", "errors", "invitations", "layout", "meetingChanges", "meetingRecord", "meetingResources", "meetings", "observers", "organizations", "review", "statements", "validation"],
  observer: ["errors", "layout", "observerAccess", "observers", "validation"],
} as const;
