/** Length limits, shared by the forms (client) and the server-side strength check. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
