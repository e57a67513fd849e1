/** Where the customer display lives: /customer-display (also under a sub-path, and with a trailing slash). */

export function isCustomerDisplayPath(pathname: string): boolean {
  return /(^|\/)customer-display\/?$/.test(pathname);
}
