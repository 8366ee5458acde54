// Preloaded into `next start` (node --import): before Next.js sees a request, X-Forwarded-For is
// replaced by the one address we can vouch for (see client-address.mjs), so the app may read it.
import { Server } from "node:http";
import { clientAddress, trustedProxiesFrom } from "./client-address.mjs";

const trustedProxies = trustedProxiesFrom(process.env.TRUSTED_PROXIES);
const emit = Server.prototype.emit;
Server.prototype.emit = function emitWithClientAddress(event, request, ...rest) {
  if (event === "request") {
    const address = clientAddress(request.headers["x-forwarded-for"], request.socket?.remoteAddress, trustedProxies);
    if (address) request.headers["x-forwarded-for"] = address;
    else delete request.headers["x-forwarded-for"];
  }
  return emit.call(this, event, request, ...rest);
};
