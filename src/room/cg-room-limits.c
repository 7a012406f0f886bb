/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-limits.c: what each address may still do (ROOM.md limits).
 *
 * Wrong keys: 10 a minute per address, then every request from it gets 429
 * for a minute, whatever key it carries (else the 429 and the 200 would
 * tell a guesser which key was right). Bad seat tokens: 30 a minute, as
 * generous as a phone retrying after its seat was freed needs. Answers: 20
 * a second per seat. Connections: 16 per address, 512 in all, counted from
 * accept until the connection object is gone.
 */
#define G_LOG_DOMAIN "cg-room"
#include "config.h"

#include "cg-room-private.h"

#define MINUTE_US (60 * G_USEC_PER_SEC)

CgRoomPeer *
cg_room_peer (CgRoom     *room,
              const char *address)
{
  CgRoomPeer *peer = g_hash_table_lookup (room->peers, address);
  gint64 now = g_get_monotonic_time ();

  if (peer == NULL)
    {
      /* A room lives for a workshop; a few hundred addresses at most. A
       * flood of spoofed ones cannot happen over TCP. */
      peer = g_new0 (CgRoomPeer, 1);
      peer->window_start = now;
      g_hash_table_insert (room->peers, g_strdup (address), peer);
    }
  if (now - peer->window_start >= MINUTE_US)
    {
      peer->window_start = now;
      peer->wrong_keys = 0;
      peer->bad_seats = 0;
    }
  return peer;
}

gboolean
cg_room_peer_blocked (CgRoom     *room,
                      const char *address)
{
  CgRoomPeer *peer = g_hash_table_lookup (room->peers, address);

  return peer != NULL && peer->blocked_until != 0 && g_get_monotonic_time () < peer->blocked_until;
}

static void
block (CgRoomPeer *peer)
{
  peer->blocked_until = g_get_monotonic_time () + CG_ROOM_BLOCK_SECONDS * G_USEC_PER_SEC;
  /* The count starts again once the minute is over. */
  peer->window_start = peer->blocked_until;
  peer->wrong_keys = 0;
  peer->bad_seats = 0;
}

void
cg_room_peer_wrong_key (CgRoom     *room,
                        const char *address)
{
  CgRoomPeer *peer = cg_room_peer (room, address);

  if (++peer->wrong_keys >= CG_ROOM_WRONG_KEYS_PER_MINUTE)
    block (peer);
}

void
cg_room_peer_bad_seat (CgRoom     *room,
                       const char *address)
{
  CgRoomPeer *peer = cg_room_peer (room, address);

  if (++peer->bad_seats >= CG_ROOM_BAD_SEATS_PER_MINUTE)
    block (peer);
}

gboolean
cg_room_seat_rate_ok (CgRoomSeatState *seat)
{
  gint64 second = g_get_monotonic_time () / G_USEC_PER_SEC;

  if (second != seat->rate_second)
    {
      seat->rate_second = second;
      seat->rate_count = 0;
    }
  if (seat->rate_count >= CG_ROOM_ANSWERS_PER_SECOND)
    return FALSE;
  seat->rate_count++;
  return TRUE;
}

/* Connections ------------------------------------------------------------------ */

struct _CgRoomConnections
{
  gatomicrefcount ref;
  GHashTable *per_address; /* address -> count */
  guint total;
};

typedef struct
{
  CgRoomConnections *owner;
  char *address;
} Admitted;

CgRoomConnections *
cg_room_connections_new (void)
{
  CgRoomConnections *c = g_new0 (CgRoomConnections, 1);

  g_atomic_ref_count_init (&c->ref);
  c->per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return c;
}

CgRoomConnections *
cg_room_connections_ref (CgRoomConnections *c)
{
  g_atomic_ref_count_inc (&c->ref);
  return c;
}

void
cg_room_connections_unref (CgRoomConnections *c)
{
  if (c == NULL || !g_atomic_ref_count_dec (&c->ref))
    return;
  g_hash_table_unref (c->per_address);
  g_free (c);
}

static void
on_connection_gone (gpointer data,
                    GObject *where_the_object_was)
{
  Admitted *a = data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (a->owner->per_address, a->address));

  if (n <= 1)
    g_hash_table_remove (a->owner->per_address, a->address);
  else
    g_hash_table_insert (a->owner->per_address, g_strdup (a->address), GUINT_TO_POINTER (n - 1));
  a->owner->total--;
  cg_room_connections_unref (a->owner);
  g_free (a->address);
  g_free (a);
}

gboolean
cg_room_connections_admit (CgRoomConnections *c,
                           GObject           *connection,
                           const char        *address)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (c->per_address, address));
  Admitted *a;

  if (n >= CG_ROOM_CONNECTIONS_PER_ADDRESS || c->total >= CG_ROOM_CONNECTIONS)
    return FALSE;
  g_hash_table_insert (c->per_address, g_strdup (address), GUINT_TO_POINTER (n + 1));
  c->total++;
  a = g_new0 (Admitted, 1);
  a->owner = cg_room_connections_ref (c);
  a->address = g_strdup (address);
  g_object_weak_ref (connection, on_connection_gone, a);
  return TRUE;
}

guint
cg_room_connections_total (CgRoomConnections *c)
{
  return c->total;
}
