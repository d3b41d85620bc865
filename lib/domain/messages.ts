import { SESSION_COMMENT_MAX } from "./exercise";

/*
 * The thread between a patient and their clinic about one programme: a clinician's reply
 * to a session's comment and the patient's answer. Plain text only, as long as a
 * session's comment may be.
 */

export const MESSAGE_AUTHORS = ["clinician", "patient"] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** As long as a session's comment, which the thread answers. */
export const MESSAGE_MAX = SESSION_COMMENT_MAX;

/** How many of the thread's newest messages the pages show. */
export const THREAD_SHOWN = 20;
