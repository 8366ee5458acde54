import { refreshPublicPages } from "@/lib/public/cache";
import { isProcessRefreshToken } from "@/lib/public/refresh-token";

export const dynamic = "force-dynamic";

/**
 * Expires this process's cached public pages. Only the process's own publication watch calls it
 * (lib/statements/publication-watch.ts): Next accepts a cache refresh only inside a request.
 */
export async function POST(request: Request) {
  if (!isProcessRefreshToken(request.headers.get("x-refresh-token"))) return new Response(null, { status: 404 });
  refreshPublicPages();
  return new Response(null, { status: 204 });
}
