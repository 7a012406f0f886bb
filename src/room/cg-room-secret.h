/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-secret.h: room keys and seat tokens (ROOM.md "Keys, seats, limits"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CG_ROOM_KEY_LENGTH 10   /* Crockford base32 characters: 50 bits */
#define CG_ROOM_TOKEN_LENGTH 22 /* base64url of 16 bytes, no padding: 128 bits */

/* Fills @buf from getrandom(2), the kernel's CSPRNG; FALSE (and errno set)
 * only if the kernel refuses, which callers treat as "cannot open". */
gboolean cg_room_random_bytes (guint8 *buf, gsize len);
/* A new room key: CG_ROOM_KEY_LENGTH characters of 0-9 A-Z without I L O U. */
char *cg_room_new_key (void);
/* A new seat token: CG_ROOM_TOKEN_LENGTH characters of A-Z a-z 0-9 - _. */
char *cg_room_new_token (void);
/* What a person typed or a URL held, as a key: dashes dropped, upper case,
 * O read as 0 and I, L as 1 (Crockford's decoding). NULL if it cannot be
 * a key (wrong length or a character outside the alphabet). */
char *cg_room_normalize_key (const char *text, gsize len);
/* Equal in time that depends only on the length, never on where the first
 * difference is. Different lengths are unequal (the length is no secret). */
gboolean cg_room_secret_equal (const char *a, const char *b);

G_END_DECLS
