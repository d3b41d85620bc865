/*
 * The thread between a patient and their clinic about one programme: a clinician's reply
 * to a session's comment and the patient's answer. Plain text only, as long as a
 * session's comment may be.
 */

export const MESSAGE_AUTHORS = ["clinician", "patient"] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** The same as a session's comment (LOG_COMMENT_MAX in lib/player/log-payload.ts). */
export const MESSAGE_MAX = 1000;

/** How many of the thread's newest messages the pages show. */
export const THREAD_SHOWN = 20;
