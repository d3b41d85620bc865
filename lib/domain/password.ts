/** Length limits, shared by the forms (client) and the server-side strength check. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
/** The hint under every new-password field. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN} characters. A few unrelated words is easy to remember and hard to guess.`;
