/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room.c: the room object: open/close, key, seats, properties.
 * (Skeleton: the server arrives in the next commit.) */
#define G_LOG_DOMAIN "cg-room"
#include "config.h"

#include <string.h>

#include "cg-room.h"

struct _CgRoom
{
  GObject parent_instance;

  /* Owned */
  CgSession *session;
  char *key;
  char *url;
  GPtrArray *seats; /* CgRoomSeat* */
  guint port;
  gboolean open;
  gboolean locked;
};

G_DEFINE_FINAL_TYPE (CgRoom, cg_room, G_TYPE_OBJECT)

enum { PROP_0, PROP_SESSION, PROP_OPEN, PROP_URL, PROP_LOCKED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SEATS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
seat_free (CgRoomSeat *seat)
{
  g_free (seat->partner_id);
  g_free (seat);
}

static void
cg_room_finalize (GObject *object)
{
  CgRoom *self = CG_ROOM (object);

  g_clear_object (&self->session);
  g_free (self->key);
  g_free (self->url);
  g_ptr_array_unref (self->seats);
  G_OBJECT_CLASS (cg_room_parent_class)->finalize (object);
}

static void
cg_room_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CgRoom *self = CG_ROOM (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_OPEN: g_value_set_boolean (value, self->open); break;
    case PROP_URL: g_value_set_string (value, self->url); break;
    case PROP_LOCKED: g_value_set_boolean (value, self->locked); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_room_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CgRoom *self = CG_ROOM (object);

  switch (prop_id)
    {
    case PROP_SESSION: self->session = g_value_dup_object (value); break;
    case PROP_LOCKED: cg_room_set_locked (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_room_class_init (CgRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_room_finalize;
  object_class->get_property = cg_room_get_property;
  object_class->set_property = cg_room_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN] = g_param_spec_boolean ("open", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SEATS_CHANGED] = g_signal_new ("seats-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cg_room_init (CgRoom *self)
{
  self->seats = g_ptr_array_new_with_free_func ((GDestroyNotify) seat_free);
}

CgRoom *
cg_room_new (CgSession *session)
{
  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  return g_object_new (CG_TYPE_ROOM, "session", session, NULL);
}

CgSession *
cg_room_get_session (CgRoom *room)
{
  g_return_val_if_fail (CG_IS_ROOM (room), NULL);
  return room->session;
}

gboolean
cg_room_open (CgRoom *room, const char *bind_address, guint port, GError **error)
{
  g_return_val_if_fail (CG_IS_ROOM (room), FALSE);
  g_return_val_if_fail (bind_address != NULL, FALSE);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "The room is not built yet");
  return FALSE;
}

void
cg_room_close (CgRoom *room)
{
  g_return_if_fail (CG_IS_ROOM (room));
}

gboolean
cg_room_is_open (CgRoom *room)
{
  g_return_val_if_fail (CG_IS_ROOM (room), FALSE);
  return room->open;
}

const char *
cg_room_get_url (CgRoom *room)
{
  g_return_val_if_fail (CG_IS_ROOM (room), NULL);
  return room->url;
}

const char *
cg_room_get_key (CgRoom *room)
{
  g_return_val_if_fail (CG_IS_ROOM (room), NULL);
  return room->key;
}

char *
cg_room_format_key (const char *key)
{
  GString *out;

  g_return_val_if_fail (key != NULL, NULL);
  out = g_string_new (NULL);
  for (gsize i = 0; key[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, key[i]);
    }
  return g_string_free (out, FALSE);
}

guint
cg_room_get_port (CgRoom *room)
{
  g_return_val_if_fail (CG_IS_ROOM (room), 0);
  return room->port;
}

void
cg_room_set_locked (CgRoom *room, gboolean locked)
{
  g_return_if_fail (CG_IS_ROOM (room));
  locked = !!locked;
  if (room->locked == locked)
    return;
  room->locked = locked;
  g_object_notify_by_pspec (G_OBJECT (room), properties[PROP_LOCKED]);
}

gboolean
cg_room_get_locked (CgRoom *room)
{
  g_return_val_if_fail (CG_IS_ROOM (room), FALSE);
  return room->locked;
}

GPtrArray *
cg_room_dup_seats (CgRoom *room)
{
  GPtrArray *seats;

  g_return_val_if_fail (CG_IS_ROOM (room), NULL);
  seats = g_ptr_array_new_with_free_func ((GDestroyNotify) seat_free);
  for (guint i = 0; i < room->seats->len; i++)
    {
      CgRoomSeat *seat = g_ptr_array_index (room->seats, i);
      CgRoomSeat *copy = g_new0 (CgRoomSeat, 1);

      *copy = *seat;
      copy->partner_id = g_strdup (seat->partner_id);
      g_ptr_array_add (seats, copy);
    }
  return seats;
}

gboolean
cg_room_free_seat (CgRoom *room, const char *partner_id)
{
  g_return_val_if_fail (CG_IS_ROOM (room), FALSE);
  g_return_val_if_fail (partner_id != NULL, FALSE);
  return FALSE;
}

char **
cg_room_list_addresses (void)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **addresses = g_strv_builder_end (builder);

  g_strv_builder_unref (builder);
  return addresses;
}
