/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-private.h: shared by the room floor's own files only.
 *
 * cg-room.c owns the object, its seats and the network; cg-room-api.c turns
 * one request into one response (cg_room_handle(), no sockets involved, so
 * the tests and the fuzz target call it directly); cg-room-stage.c builds
 * what a seat sees of the current stage; cg-room-limits.c counts what each
 * address may still do; cg-room-secret.c makes keys and tokens.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cg-room.h"

G_BEGIN_DECLS

#define CG_ROOM_MAX_BODY (16 * 1024)
#define CG_ROOM_MAX_COMMENT 2000 /* characters, after cleaning */
#define CG_ROOM_MAX_JSON_DEPTH 8 /* our bodies nest 1 deep */
#define CG_ROOM_WRONG_KEYS_PER_MINUTE 10
#define CG_ROOM_BAD_SEATS_PER_MINUTE 30
#define CG_ROOM_ANSWERS_PER_SECOND 20
#define CG_ROOM_CONNECTIONS_PER_ADDRESS 16
#define CG_ROOM_CONNECTIONS 512
#define CG_ROOM_IDLE_SECONDS 60
#define CG_ROOM_BLOCK_SECONDS 60

/* A claimed seat. */
typedef struct
{
  guint partner_id;
  char *token;
  gint64 joined_at;      /* real time, µs */
  gint64 last_answer_at; /* real time, µs; 0 = not yet */
  guint answers;         /* applied so far (the seq we hand out when the phone sends none) */
  gint64 rate_second;    /* monotonic second the count below is for */
  guint rate_count;
  GHashTable *last_seq; /* "item:s7" ... -> gint64* : highest seq applied */
} CgRoomSeatState;

/* What one address has done lately (wrong keys, bad seats). */
typedef struct
{
  gint64 window_start; /* monotonic µs */
  guint wrong_keys;
  guint bad_seats;
  gint64 blocked_until; /* monotonic µs; 0 = not blocked */
} CgRoomPeer;

struct _CgRoom
{
  GObject parent_instance;

  /* Owned */
  CgSession *session;
  char *key; /* NULL while closed */
  char *url;
  guint port;
  gboolean open;
  gboolean locked;
  GHashTable *seats; /* partner id -> CgRoomSeatState* */
  GHashTable *peers; /* address -> CgRoomPeer* (reset at each open) */
  guint64 version;   /* what phones see changed (stage, reveal, texts) */
  SoupServer *server;
  GSocketService *service;
  struct _CgRoomConnections *connections;
  GPtrArray *streams;       /* CgRoomStream*: open event streams */
  guint flushing;           /* ended streams whose last bytes are not yet written */
  guint stage_event_source; /* coalesces stage events */
  guint heartbeat_source;
  guint applying_partner; /* a phone's answer is being applied: its own echo is not news */
  gulong changed_handler;
  gulong stage_handler;
};

typedef struct
{
  const char *method;
  const char *path;            /* as sent, without the query */
  const char *content_type;    /* NULL when absent */
  const char *accept_language; /* NULL when absent */
  const char *seat;            /* X-Seat, NULL when absent */
  const guint8 *body;
  gsize body_len;
  const char *peer;   /* the client's address, "127.0.0.1" */
  const char *accept; /* Accept, NULL when absent (last: older initializers leave it NULL) */
} CgRoomRequest;

typedef struct
{
  guint status;
  const char *content_type; /* static string */
  GBytes *body;             /* never NULL after cg_room_handle() */
  guint stream_partner;     /* non-zero: keep the connection as this seat's event stream */
  guint retry_after;        /* seconds, for 429; 0 = none */
  const char *lang;         /* "en" or "de" */
} CgRoomResponse;

/* Handles one request completely: validates it, applies an answer to the
 * session (on the calling thread, which must be the session's: the main
 * context), and fills @response. Nothing changes on any refusal. */
void cg_room_handle (CgRoom *room, const CgRoomRequest *request, CgRoomResponse *response);
void cg_room_response_clear (CgRoomResponse *response);

/* "en" or "de" from an Accept-Language header (NULL allowed). */
const char *cg_room_pick_language (const char *accept_language);

/* For the fuzz target and tests of cg_room_handle() alone: the room
 * behaves as open with @key, with no socket at all. */
void cg_room_open_without_network (CgRoom *room, const char *key);

/* Seats (cg-room.c). */
CgRoomSeatState *cg_room_find_seat_by_token (CgRoom *room, const char *token);
CgRoomSeatState *cg_room_claim_seat (CgRoom *room, guint partner_id);
void cg_room_seat_answered (CgRoom *room, CgRoomSeatState *seat);
gboolean cg_room_release_seat (CgRoom *room, guint partner_id, gboolean tell_phone);

/* Per-address limits (cg-room-limits.c). */
CgRoomPeer *cg_room_peer (CgRoom *room, const char *address);
gboolean cg_room_peer_blocked (CgRoom *room, const char *address);
void cg_room_peer_wrong_key (CgRoom *room, const char *address);
void cg_room_peer_bad_seat (CgRoom *room, const char *address);
/* FALSE when @seat has already given its answers for this second. */
gboolean cg_room_seat_rate_ok (CgRoomSeatState *seat);

typedef struct _CgRoomConnections CgRoomConnections;
CgRoomConnections *cg_room_connections_new (void);
CgRoomConnections *cg_room_connections_ref (CgRoomConnections *c);
void cg_room_connections_unref (CgRoomConnections *c);
/* Counts @connection against its address until it is finalized; FALSE
 * (nothing counted) when the address or the room is full. */
gboolean cg_room_connections_admit (CgRoomConnections *c, GObject *connection, const char *address);
guint cg_room_connections_total (CgRoomConnections *c);

/* What @partner_id sees of the current stage, for GET api/stage
 * (cg-room-stage.c). */
JsonNode *cg_room_stage_view (CgRoom *room, guint partner_id, const char *lang);
/* Member @name: "p12" for @prefix 'p' and @id 12. */
void cg_room_json_add_id (JsonBuilder *b, const char *name, char prefix, guint id);

/* "p12" -> 12 for @prefix 'p' (the session file's ids); FALSE otherwise. */
gboolean cg_room_parse_id (const char *text, char prefix, guint *out);

G_END_DECLS
