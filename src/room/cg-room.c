/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room.c: the room: open and close, the network, seats, event streams.
 *
 * The room listens only on the address the facilitator chose and only
 * while open. It accepts connections itself (a GSocketService) so that it
 * can count them per address and give each an idle timeout before libsoup
 * sees them; libsoup then parses HTTP and calls on_request(), which hands
 * the request to cg_room_handle() (cg-room-api.c) on the main context.
 */
#define G_LOG_DOMAIN "cg-room"
#include "config.h"

#include <ifaddrs.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <json-glib/json-glib.h>

#include "cg-room-private.h"
#include "cg-room-secret.h"

#define DEFAULT_PORT_TRIES 20
#define HEARTBEAT_SECONDS 25

typedef struct
{
  CgRoom *room; /* NULL once the room let it go */
  SoupServerMessage *msg;
  guint partner_id;
  gulong finished_handler;
} CgRoomStream;

G_DEFINE_FINAL_TYPE (CgRoom, cg_room, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_OPEN,
  PROP_URL,
  PROP_LOCKED,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  SEATS_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void stream_end (CgRoomStream *stream, const char *event, const char *data);

static void
seat_state_free (CgRoomSeatState *seat)
{
  if (seat->token != NULL)
    explicit_bzero (seat->token, strlen (seat->token));
  g_free (seat->token);
  g_hash_table_unref (seat->last_seq);
  g_free (seat);
}

static void
seat_free (CgRoomSeat *seat)
{
  g_free (seat->partner_id);
  g_free (seat);
}

/* Event streams ------------------------------------------------------------------- */

static void
stream_send (CgRoomStream *stream,
             const char   *event,
             const char   *data)
{
  SoupMessageBody *body = soup_server_message_get_response_body (stream->msg);
  char *text = event != NULL ? g_strdup_printf ("event: %s\ndata: %s\n\n", event, data)
                             : g_strdup (": still here\n\n");

  soup_message_body_append (body, SOUP_MEMORY_TAKE, text, strlen (text));
  soup_server_message_unpause (stream->msg);
}

static void
stream_free (CgRoomStream *stream)
{
  g_clear_signal_handler (&stream->finished_handler, stream->msg);
  g_object_unref (stream->msg);
  g_free (stream);
}

static void
on_stream_finished (SoupServerMessage *msg,
                    CgRoomStream      *stream)
{
  if (stream->room != NULL)
    g_ptr_array_remove_fast (stream->room->streams, stream);
}

static void
on_flushed (SoupServerMessage *msg,
            CgRoom            *room)
{
  g_signal_handlers_disconnect_by_func (msg, on_flushed, room);
  room->flushing--;
}

/* Sends a last event (if any), ends the response and forgets the stream.
 * The room counts the response until libsoup has written it (or the phone
 * went away): "finished" comes in both cases. */
static void
stream_end (CgRoomStream *stream,
            const char   *event,
            const char   *data)
{
  if (event != NULL)
    stream_send (stream, event, data);
  stream->room->flushing++;
  g_signal_connect_object (stream->msg, "finished", G_CALLBACK (on_flushed), stream->room, 0);
  soup_message_body_complete (soup_server_message_get_response_body (stream->msg));
  soup_server_message_unpause (stream->msg);
  g_ptr_array_remove_fast (stream->room->streams, stream);
}

static char *
event_data (CgRoom     *room,
            const char *extra_member,
            const char *extra_value)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, (gint64) room->version);
  json_builder_set_member_name (b, "stage");
  json_builder_add_string_value (b,
                                 cg_stage_to_string (cg_session_get_current_stage (room->session)));
  if (extra_member != NULL)
    {
      json_builder_set_member_name (b, extra_member);
      json_builder_add_string_value (b, extra_value);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
broadcast (CgRoom     *room,
           const char *event,
           guint       only_partner)
{
  g_autofree char *data = event_data (room, NULL, NULL);

  for (guint i = 0; i < room->streams->len; i++)
    {
      CgRoomStream *stream = g_ptr_array_index (room->streams, i);

      if (only_partner == 0 || stream->partner_id == only_partner)
        stream_send (stream, event, data);
    }
}

static gboolean
on_stage_event (gpointer user_data)
{
  CgRoom *room = user_data;

  room->stage_event_source = 0;
  broadcast (room, "stage", 0);
  return G_SOURCE_REMOVE;
}

/* Several edits in one go (an undo of a group, a load) make one event. */
static void
queue_stage_event (CgRoom *room)
{
  room->version++;
  if (room->open && room->stage_event_source == 0)
    room->stage_event_source = g_timeout_add (50, on_stage_event, room);
}

static gboolean
on_heartbeat (gpointer user_data)
{
  CgRoom *room = user_data;

  /* Keeps streams clear of the idle timeout and of proxies' patience. */
  for (guint i = 0; i < room->streams->len; i++)
    stream_send (g_ptr_array_index (room->streams, i), NULL, NULL);
  return G_SOURCE_CONTINUE;
}

static void
start_stream (CgRoom            *room,
              SoupServerMessage *msg,
              guint              partner_id)
{
  CgRoomStream *stream = g_new0 (CgRoomStream, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  stream->room = room;
  stream->msg = g_object_ref (msg);
  stream->partner_id = partner_id;
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  stream->finished_handler =
    g_signal_connect (msg, "finished", G_CALLBACK (on_stream_finished), stream);
  g_ptr_array_add (room->streams, stream);
  /* The first bytes make browsers fire "open". */
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            "retry: 3000\n\n", strlen ("retry: 3000\n\n"));
}

/* Session signals ------------------------------------------------------------------- */

static void
on_session_changed (CgSession   *session,
                    CgChangeKind kind,
                    guint        a,
                    guint        b,
                    CgRoom      *room)
{
  switch (kind)
    {
    case CG_CHANGE_RATING:
    case CG_CHANGE_COMMENT:
    case CG_CHANGE_INVOLVEMENT:
      /* An answer: others' phones learn nothing. The seat whose answer
       * changed from the laptop (typed, or a phone answer undone) hears it,
       * so its page shows what the session holds. */
      if (room->open && a != room->applying_partner &&
          g_hash_table_contains (room->seats, GUINT_TO_POINTER (a)))
        {
          g_autofree char *data = event_data (room, NULL, NULL);

          for (guint i = 0; i < room->streams->len; i++)
            {
              CgRoomStream *stream = g_ptr_array_index (room->streams, i);

              if (stream->partner_id == a)
                stream_send (stream, "mine", data);
            }
        }
      return;
    case CG_CHANGE_PARTNER_REMOVED: cg_room_release_seat (room, a, TRUE); break;
    case CG_CHANGE_ALL:
      {
        g_autofree gpointer *ids = (gpointer *) g_hash_table_get_keys_as_array (room->seats, NULL);

        for (guint i = 0; ids[i] != NULL; i++)
          if (cg_session_lookup_partner (session, GPOINTER_TO_UINT (ids[i])) == NULL)
            cg_room_release_seat (room, GPOINTER_TO_UINT (ids[i]), TRUE);
      }
      break;
    case CG_CHANGE_OPTIONS:
      if (room->open && a == cg_session_get_current_stage (session) &&
          cg_session_answers_visible (session, a))
        {
          room->version++;
          broadcast (room, "reveal", 0);
          return;
        }
      break;
    default: break;
    }
  queue_stage_event (room);
}

static void
on_current_stage (GObject    *session,
                  GParamSpec *pspec,
                  CgRoom     *room)
{
  queue_stage_event (room);
}

/* GObject ---------------------------------------------------------------------------- */

static void
cg_room_dispose (GObject *object)
{
  CgRoom *self = CG_ROOM (object);

  cg_room_close (self);
  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->session);
      g_clear_signal_handler (&self->stage_handler, self->session);
    }
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cg_room_parent_class)->dispose (object);
}

static void
cg_room_finalize (GObject *object)
{
  CgRoom *self = CG_ROOM (object);

  g_hash_table_unref (self->seats);
  g_hash_table_unref (self->peers);
  g_ptr_array_unref (self->streams);
  G_OBJECT_CLASS (cg_room_parent_class)->finalize (object);
}

static void
cg_room_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
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
cg_room_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CgRoom *self = CG_ROOM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      self->changed_handler =
        g_signal_connect (self->session, "changed", G_CALLBACK (on_session_changed), self);
      self->stage_handler = g_signal_connect (self->session, "notify::current-stage",
                                              G_CALLBACK (on_current_stage), self);
      break;
    case PROP_LOCKED: cg_room_set_locked (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_room_class_init (CgRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_room_dispose;
  object_class->finalize = cg_room_finalize;
  object_class->get_property = cg_room_get_property;
  object_class->set_property = cg_room_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN] = g_param_spec_boolean (
    "open", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] = g_param_spec_string (
    "url", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SEATS_CHANGED] = g_signal_new ("seats-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cg_room_init (CgRoom *self)
{
  self->seats = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) seat_state_free);
  self->peers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->streams = g_ptr_array_new_with_free_func ((GDestroyNotify) stream_free);
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

/* The network ------------------------------------------------------------------------- */

static void
add_security_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (h, "Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                                "base-uri 'none'; form-action 'none'");
  soup_message_headers_replace (h, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (h, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (h, "Cache-Control", "no-store");
}

/* Every response, libsoup's own refusals of broken HTTP included. */
static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  add_security_headers (msg);
}

static void
respond (SoupServerMessage    *msg,
         const CgRoomResponse *res)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  gsize len = 0;
  gconstpointer data = g_bytes_get_data (res->body, &len);

  add_security_headers (msg);
  /* One request per connection. libsoup 3.2 never notices a client
   * leaving a kept-alive connection between requests (the next request's
   * reader has nobody to tell until a byte arrives), so such connections
   * would stay open, and counted, for good. libsoup closes ours after
   * each response because the server has no listener of its own; this
   * header tells the client not to try again on it. */
  soup_message_headers_replace (h, "Connection", "close");
  soup_message_headers_replace (h, "Content-Language", res->lang);
  if (res->retry_after > 0)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", res->retry_after);
      soup_message_headers_replace (h, "Retry-After", text);
    }
  soup_server_message_set_status (msg, res->status, NULL);
  soup_server_message_set_response (msg, res->content_type, SOUP_MEMORY_COPY, data, len);
}

/* Refuses oversized bodies before libsoup reads them. */
static void
on_early_request (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  CgRoom *room = user_data;
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (h);
  SoupEncoding encoding = soup_message_headers_get_encoding (h);

  if ((encoding == SOUP_ENCODING_CONTENT_LENGTH && length > CG_ROOM_MAX_BODY) ||
      encoding == SOUP_ENCODING_CHUNKED || encoding == SOUP_ENCODING_EOF)
    {
      CgRoomRequest req = { soup_server_message_get_method (msg),
                            path,
                            soup_message_headers_get_one (h, "Content-Type"),
                            soup_message_headers_get_one (h, "Accept-Language"),
                            soup_message_headers_get_one (h, "X-Seat"),
                            NULL,
                            CG_ROOM_MAX_BODY + 1,
                            soup_server_message_get_remote_host (msg),
                            soup_message_headers_get_one (h, "Accept") };
      CgRoomResponse res;

      /* libsoup 3.2 reads the body even after an early status: it is read
       * and dropped, never kept, so a huge body costs no memory. */
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      /* Through the handler, so a stranger still gets the same 404 and a
       * wrong key still counts; with the key it is 413. */
      cg_room_handle (room, &req, &res);
      respond (msg, &res);
      cg_room_response_clear (&res);
    }
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  CgRoom *room = user_data;
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr (GBytes) bytes = soup_message_body_flatten (body);
  CgRoomRequest req = { 0 };
  CgRoomResponse res;

  req.method = soup_server_message_get_method (msg);
  req.path = path;
  req.content_type = soup_message_headers_get_one (h, "Content-Type");
  req.accept_language = soup_message_headers_get_one (h, "Accept-Language");
  req.seat = soup_message_headers_get_one (h, "X-Seat");
  req.body = g_bytes_get_data (bytes, &req.body_len);
  req.peer = soup_server_message_get_remote_host (msg);
  req.accept = soup_message_headers_get_one (h, "Accept");
  cg_room_handle (room, &req, &res);
  if (res.stream_partner != 0)
    {
      add_security_headers (msg);
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                             "text/event-stream", NULL);
      start_stream (room, msg, res.stream_partner);
    }
  else
    respond (msg, &res);
  cg_room_response_clear (&res);
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  CgRoom *room = user_data;
  g_autoptr (GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr (GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autofree char *address = NULL;

  if (remote == NULL || local == NULL || !G_IS_INET_SOCKET_ADDRESS (remote) || room->server == NULL)
    {
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }
  address =
    g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  if (!cg_room_connections_admit (room->connections, G_OBJECT (connection), address))
    {
      /* Over the limit: refused before a byte is read. */
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }
  g_socket_set_timeout (g_socket_connection_get_socket (connection), CG_ROOM_IDLE_SECONDS);
  soup_server_accept_iostream (room->server, G_IO_STREAM (connection), local, remote, NULL);
  return TRUE;
}

static gboolean
listen_on (CgRoom       *room,
           GInetAddress *address,
           guint         port,
           GError      **error)
{
  guint tries = port == 0 ? 1 : DEFAULT_PORT_TRIES;

  for (guint i = 0; i < tries; i++)
    {
      g_autoptr (GSocketAddress) wanted =
        g_inet_socket_address_new (address, port == 0 ? 0 : port + i);
      g_autoptr (GSocketAddress) effective = NULL;
      g_autoptr (GError) local_error = NULL;

      if (g_socket_listener_add_address (G_SOCKET_LISTENER (room->service), wanted,
                                         G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                         &effective, &local_error))
        {
          room->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
          return TRUE;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE) || i + 1 == tries)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  g_assert_not_reached ();
}

static char *
make_url (GInetAddress *address,
          guint         port,
          const char   *key)
{
  g_autofree char *host = g_inet_address_to_string (address);

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("http://[%s]:%u/r/%s", host, port, key);
  return g_strdup_printf ("http://%s:%u/r/%s", host, port, key);
}

gboolean
cg_room_open (CgRoom     *room,
              const char *bind_address,
              guint       port,
              GError    **error)
{
  g_autoptr (GInetAddress) address = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (CG_IS_ROOM (room), FALSE);
  g_return_val_if_fail (bind_address != NULL, FALSE);
  g_return_val_if_fail (port <= 65535, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cg_room_close (room);
  address = g_inet_address_new_from_string (bind_address);
  if (address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address",
                   bind_address);
      return FALSE;
    }
  key = cg_room_new_key ();
  if (key == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "No random numbers for a room key");
      return FALSE;
    }
  room->server = g_object_new (SOUP_TYPE_SERVER, NULL);
  soup_server_add_early_handler (room->server, NULL, on_early_request, room, NULL);
  soup_server_add_handler (room->server, NULL, on_request, room, NULL);
  g_signal_connect (room->server, "request-started", G_CALLBACK (on_request_started), NULL);
  room->service = g_socket_service_new ();
  /* A room of phones connects at once, each request on a new connection:
   * GIO's default backlog of 10 drops the rest, which then wait a second
   * to try again. */
  g_socket_listener_set_backlog (G_SOCKET_LISTENER (room->service), CG_ROOM_CONNECTIONS);
  room->connections = cg_room_connections_new ();
  g_signal_connect (room->service, "incoming", G_CALLBACK (on_incoming), room);
  if (!listen_on (room, address, port, error))
    {
      cg_room_close (room);
      return FALSE;
    }
  g_socket_service_start (room->service);
  room->key = g_steal_pointer (&key);
  room->url = make_url (address, room->port, room->key);
  room->open = TRUE;
  room->heartbeat_source = g_timeout_add_seconds (HEARTBEAT_SECONDS, on_heartbeat, room);
  g_hash_table_remove_all (room->peers);
  g_object_notify_by_pspec (G_OBJECT (room), properties[PROP_OPEN]);
  g_object_notify_by_pspec (G_OBJECT (room), properties[PROP_URL]);
  return TRUE;
}

static gboolean
disconnect_later (gpointer server)
{
  soup_server_disconnect (server);
  return G_SOURCE_REMOVE;
}

void
cg_room_open_without_network (CgRoom     *room,
                              const char *key)
{
  cg_room_close (room);
  room->key = g_strdup (key);
  room->url = g_strconcat ("http://127.0.0.1:0/r/", key, NULL);
  room->open = TRUE;
}

void
cg_room_close (CgRoom *room)
{
  gboolean was_open;
  gboolean had_seats;

  g_return_if_fail (CG_IS_ROOM (room));

  was_open = room->open;
  had_seats = g_hash_table_size (room->seats) > 0;
  room->open = FALSE;
  g_clear_handle_id (&room->stage_event_source, g_source_remove);
  g_clear_handle_id (&room->heartbeat_source, g_source_remove);
  if (room->streams->len > 0)
    {
      g_autofree char *data = event_data (room, NULL, NULL);

      while (room->streams->len > 0)
        stream_end (g_ptr_array_index (room->streams, room->streams->len - 1), "room-closed", data);
    }
  if (room->service != NULL)
    {
      g_socket_service_stop (room->service);
      g_socket_listener_close (G_SOCKET_LISTENER (room->service));
      g_signal_handlers_disconnect_by_data (room->service, room);
      g_clear_object (&room->service);
    }
  if (room->server != NULL)
    {
      /* Every connection ends here; the handlers go first so that nothing
       * reaches this room from a connection still being torn down. */
      soup_server_remove_handler (room->server, NULL);
      /* (Page engineer's fix.) The "room-closed" events are queued on the
       * streams but not yet written: disconnecting at once dropped them, so
       * phones never heard the room had closed. The listener is closed
       * already; the open connections go a moment later. */
      g_timeout_add_full (G_PRIORITY_DEFAULT, 250, disconnect_later,
                          g_steal_pointer (&room->server), g_object_unref);
    }
  g_clear_pointer (&room->connections, cg_room_connections_unref);
  g_hash_table_remove_all (room->seats);
  if (room->key != NULL)
    explicit_bzero (room->key, strlen (room->key));
  g_clear_pointer (&room->key, g_free);
  g_clear_pointer (&room->url, g_free);
  room->port = 0;
  if (was_open)
    {
      g_object_notify_by_pspec (G_OBJECT (room), properties[PROP_OPEN]);
      g_object_notify_by_pspec (G_OBJECT (room), properties[PROP_URL]);
    }
  if (had_seats)
    g_signal_emit (room, signals[SEATS_CHANGED], 0);
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
cg_room_set_locked (CgRoom  *room,
                    gboolean locked)
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

gboolean
cg_room_is_flushing (CgRoom *room)
{
  g_return_val_if_fail (CG_IS_ROOM (room), FALSE);
  return room->flushing > 0;
}

/* Seats ------------------------------------------------------------------------------ */

GPtrArray *
cg_room_dup_seats (CgRoom *room)
{
  GPtrArray *seats;
  CgSession *session;

  g_return_val_if_fail (CG_IS_ROOM (room), NULL);
  session = room->session;
  seats = g_ptr_array_new_with_free_func ((GDestroyNotify) seat_free);
  /* In the session's partner order, as the facilitator's list shows them. */
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      guint id = cg_session_get_partner (session, i)->id;
      CgRoomSeatState *state = g_hash_table_lookup (room->seats, GUINT_TO_POINTER (id));
      CgRoomSeat *seat;

      if (state == NULL)
        continue;
      seat = g_new0 (CgRoomSeat, 1);
      seat->partner_id = g_strdup_printf ("p%u", id);
      seat->joined_at = state->joined_at;
      seat->last_answer_at = state->last_answer_at;
      g_ptr_array_add (seats, seat);
    }
  return seats;
}

gboolean
cg_room_free_seat (CgRoom     *room,
                   const char *partner_id)
{
  guint id;

  g_return_val_if_fail (CG_IS_ROOM (room), FALSE);
  g_return_val_if_fail (partner_id != NULL, FALSE);
  return cg_room_parse_id (partner_id, 'p', &id) && cg_room_release_seat (room, id, TRUE);
}

CgRoomSeatState *
cg_room_find_seat_by_token (CgRoom     *room,
                            const char *token)
{
  GHashTableIter iter;
  gpointer value;
  CgRoomSeatState *found = NULL;

  if (token == NULL || strlen (token) != CG_ROOM_TOKEN_LENGTH)
    return NULL;
  /* Every seat is compared, each in constant time: how long this takes
   * says nothing about which token came close. */
  g_hash_table_iter_init (&iter, room->seats);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CgRoomSeatState *seat = value;

      if (cg_room_secret_equal (seat->token, token))
        found = seat;
    }
  return found;
}

CgRoomSeatState *
cg_room_claim_seat (CgRoom *room,
                    guint   partner_id)
{
  CgRoomSeatState *seat;
  char *token = cg_room_new_token ();

  if (token == NULL)
    return NULL;
  seat = g_new0 (CgRoomSeatState, 1);
  seat->partner_id = partner_id;
  seat->token = token;
  seat->joined_at = g_get_real_time ();
  seat->last_seq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (room->seats, GUINT_TO_POINTER (partner_id), seat);
  g_signal_emit (room, signals[SEATS_CHANGED], 0);
  return seat;
}

void
cg_room_seat_answered (CgRoom          *room,
                       CgRoomSeatState *seat)
{
  seat->last_answer_at = g_get_real_time ();
  g_signal_emit (room, signals[SEATS_CHANGED], 0);
}

gboolean
cg_room_release_seat (CgRoom  *room,
                      guint    partner_id,
                      gboolean tell_phone)
{
  g_autofree char *data = NULL;

  if (!g_hash_table_remove (room->seats, GUINT_TO_POINTER (partner_id)))
    return FALSE;
  /* The token is forgotten with the seat; its streams end. */
  data = event_data (room, NULL, NULL);
  for (guint i = room->streams->len; i > 0; i--)
    {
      CgRoomStream *stream = g_ptr_array_index (room->streams, i - 1);

      if (stream->partner_id == partner_id)
        stream_end (stream, tell_phone ? "seat-freed" : NULL, data);
    }
  g_signal_emit (room, signals[SEATS_CHANGED], 0);
  return TRUE;
}

/* Addresses ------------------------------------------------------------------------- */

char **
cg_room_list_addresses (void)
{
  g_autoptr (GStrvBuilder) v4 = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) v6 = g_strv_builder_new ();
  g_auto (GStrv) six = NULL;
  struct ifaddrs *list = NULL;
  const char *test_list = g_getenv ("CG_ROOM_ADDRESSES");

  /* Tests only: a comma-separated list stands in for this machine's
   * addresses, so a test that opens the room from the app listens, and its
   * phones connect, on loopback and never on a real network. */
  if (test_list != NULL && *test_list != '\0')
    return g_strsplit (test_list, ",", -1);

  /* GIO has no list of this machine's addresses; the kernel's comes from
   * getifaddrs(). Link-local IPv6 needs a scope a phone cannot type. */
  if (getifaddrs (&list) == 0)
    {
      for (struct ifaddrs *ifa = list; ifa != NULL; ifa = ifa->ifa_next)
        {
          g_autoptr (GSocketAddress) sa = NULL;
          GInetAddress *inet;
          g_autofree char *text = NULL;

          if (ifa->ifa_addr == NULL || (ifa->ifa_flags & IFF_UP) == 0 ||
              (ifa->ifa_addr->sa_family != AF_INET && ifa->ifa_addr->sa_family != AF_INET6))
            continue;
          sa = g_socket_address_new_from_native (ifa->ifa_addr, ifa->ifa_addr->sa_family == AF_INET
                                                                  ? sizeof (struct sockaddr_in)
                                                                  : sizeof (struct sockaddr_in6));
          if (sa == NULL || !G_IS_INET_SOCKET_ADDRESS (sa))
            continue;
          inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (sa));
          if (g_inet_address_get_is_loopback (inet) || g_inet_address_get_is_link_local (inet) ||
              g_inet_address_get_is_any (inet))
            continue;
          text = g_inet_address_to_string (inet);
          g_strv_builder_add (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV4 ? v4 : v6,
                              text);
        }
      freeifaddrs (list);
    }
  six = g_strv_builder_end (v6);
  g_strv_builder_addv (v4, (const char **) six);
  return g_strv_builder_end (v4);
}
