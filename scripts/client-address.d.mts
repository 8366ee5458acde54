export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trustedProxies: number): string | undefined;
export function trustedProxiesFrom(value: string | undefined): number;
