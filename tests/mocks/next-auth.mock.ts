/**
 * next-auth's package entry imports "next/server" in a way plain Node cannot resolve;
 * actions only need its error classes, which come from @auth/core unchanged.
 */
export { AuthError, CredentialsSignin } from "@auth/core/errors";
