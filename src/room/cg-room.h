/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room.h: the room, partners answering from their own phones.
 *
 * A CgRoom serves one CgSession on the local network while the facilitator
 * keeps it open (ROOM.md, docs/ROOM.md): the partner page and a small JSON
 * API under http://ADDRESS:PORT/r/KEY. Answers from phones are applied on
 * the main context through the session's own setters, each one undoable
 * step labelled "Answer from <partner name>".
 */
#pragma once

#include <gio/gio.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_ROOM (cg_room_get_type ())
G_DECLARE_FINAL_TYPE (CgRoom, cg_room, CG, ROOM, GObject)

CgRoom *cg_room_new (CgSession *session); /* holds a ref */
CgSession *cg_room_get_session (CgRoom *room);
/* Opens on bind_address ("127.0.0.1", "0.0.0.0", "192.168.1.20", "::1"), port 0 = any free,
 * else that port or the next free one (ROOM.md: 8421 or the next free). A new key every open. */
gboolean cg_room_open (CgRoom *room, const char *bind_address, guint port, GError **error);
void cg_room_close (CgRoom *room);       /* frees every seat, ends event streams */
gboolean cg_room_is_open (CgRoom *room); /* property "open" (notify) */
const char *cg_room_get_url (
  CgRoom *room); /* join URL http://ADDR:PORT/r/KEY, NULL when closed; property "url" */
const char *cg_room_get_key (CgRoom *room); /* 10 chars Crockford base32, NULL when closed */
char *cg_room_format_key (const char *key); /* "7KQ2-M9XD-4T" */
guint cg_room_get_port (CgRoom *room);
void cg_room_set_locked (CgRoom *room, gboolean locked); /* property "locked" */
gboolean cg_room_get_locked (CgRoom *room);
/* TRUE while the last events of ended streams ("room-closed", "seat-freed")
 * are still being written; a process about to exit iterates the main
 * context until it is FALSE (with a time limit: a phone may not read). */
gboolean cg_room_is_flushing (CgRoom *room);
/* Seats: one per partner that has claimed. */
typedef struct
{
  char *partner_id;
  gint64 joined_at;      /* g_get_real_time() µs */
  gint64 last_answer_at; /* 0 = not yet */
} CgRoomSeat;
GPtrArray *cg_room_dup_seats (CgRoom *room); /* of CgRoomSeat*, free func set */
gboolean cg_room_free_seat (CgRoom *room, const char *partner_id);
/* Signals: "seats-changed" (void) whenever a seat is claimed, freed, or answers (last_answer_at). */

/* Non-loopback addresses of this machine the facilitator may choose (IPv4 first), for the chooser. */
char **cg_room_list_addresses (void); /* NULL-terminated, g_strfreev */

/* Server-side strings translated for one request's language ("de" or
 * anything else for English). */
const char *cg_room_translate (const char *lang, const char *msgctxt_or_NULL, const char *msgid);

G_END_DECLS
