/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The room over real HTTP: a CgRoom listening on 127.0.0.1 (any free
 * port) and a libsoup client, both on this thread's main context (the
 * client is asynchronous and the test iterates the context until the
 * answer arrives). Every ROOM.md endpoint, every refusal, sealing before
 * and after Reveal, seats, limits and the event stream. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cg-room-private.h"
#include "cg-session-xml.h"

typedef struct
{
  CgSession *session;
  CgRoom *room;
  SoupSession *client;
  char *base; /* http://127.0.0.1:PORT */
  guint ann, ben, cara;
  guint s1, s2, s3, aim, task;
  guint seats_changed;
} Fixture;

typedef struct
{
  guint status;
  GBytes *body;
  SoupMessageHeaders *headers;
} Reply;

static void
reply_free (Reply *r)
{
  g_bytes_unref (r->body);
  soup_message_headers_unref (r->headers);
  g_free (r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static void
on_seats_changed (CgRoom  *room,
                  Fixture *f)
{
  f->seats_changed++;
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr (GError) error = NULL;

  f->session = cg_session_new ();
  cg_session_set_detail (f->session, CG_DETAIL_TITLE, "Riverside partnership");
  f->ann = cg_session_add_partner (f->session, "Ann Lee", NULL, NULL);
  f->ben = cg_session_add_partner (f->session, "Ben Ward", NULL, NULL);
  f->cara = cg_session_add_partner (f->session, "Cara Singh", NULL, NULL);
  f->s1 = cg_session_add_statement (f->session, 0, "We share a purpose.");
  f->s2 = cg_session_add_statement (f->session, 0, "Leadership is accepted.");
  f->s3 = cg_session_add_statement (f->session, 1, "Users have a say.");
  f->aim = cg_session_add_aim (f->session, "Fewer missed appointments");
  f->task = cg_session_add_task (f->session, "Chair the weekly meeting");
  cg_session_set_answers_hidden (f->session, TRUE);
  cg_session_set_current_stage (f->session, CG_STAGE_LESSON_1);
  cg_session_clear_history (f->session);
  cg_session_set_unmodified (f->session);
  f->room = cg_room_new (f->session);
  g_signal_connect (f->room, "seats-changed", G_CALLBACK (on_seats_changed), f);
  assert_true (cg_room_open (f->room, "127.0.0.1", 0, &error));
  assert_null (error);
  f->base = g_strdup_printf ("http://127.0.0.1:%u", cg_room_get_port (f->room));
  /* Browsers open up to 6 connections to a host; the room allows 16. */
  f->client = soup_session_new_with_options ("max-conns-per-host", 6, NULL);
  if (g_getenv ("ROOM_TEST_LOG") != NULL)
    {
      SoupLogger *logger = soup_logger_new (SOUP_LOGGER_LOG_HEADERS);
      soup_session_add_feature (f->client, SOUP_SESSION_FEATURE (logger));
      g_object_unref (logger);
    }
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_object_unref (f->client);
  cg_room_close (f->room);
  g_object_unref (f->room);
  g_object_unref (f->session);
  g_free (f->base);
  g_free (f);
  /* Let closed connections finish on the context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (*out == NULL)
    {
      g_printerr ("request failed: %s\n", error->message);
      *out = g_bytes_new (NULL, 0);
    }
}

/* One request; @path is added to the base URL as is. */
static Reply *
http_full (Fixture    *f,
           const char *method,
           const char *path,
           const char *seat,
           const char *content_type,
           const char *body,
           gsize       body_len,
           const char *lang)
{
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  GBytes *result = NULL;
  Reply *r = g_new0 (Reply, 1);

  assert_non_null (msg);
  if (seat != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Seat", seat);
  if (lang != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept-Language", lang);
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, body_len);

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }
  soup_session_send_and_read_async (f->client, msg, G_PRIORITY_DEFAULT, NULL, on_sent, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* A NUL after the bytes, so tests can use string functions. */
  {
    gsize len = 0;
    const char *data = g_bytes_get_data (result, &len);
    char *copy = g_malloc (len + 1);

    memcpy (copy, data, len);
    copy[len] = '\0';
    r->body = g_bytes_new_take (copy, len + 1);
    g_bytes_unref (result);
  }
  r->status = soup_message_get_status (msg);
  r->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return r;
}

static Reply *
http (Fixture    *f,
      const char *method,
      const char *path,
      const char *seat,
      const char *json)
{
  return http_full (f, method, path, seat, "application/json", json,
                    json != NULL ? strlen (json) : 0, NULL);
}

static const char *
body_of (Reply *r)
{
  return g_bytes_get_data (r->body, NULL);
}

static char *
room_path (Fixture    *f,
           const char *rest)
{
  return g_strconcat ("/r/", cg_room_get_key (f->room), rest, NULL);
}

static JsonNode *
parse (Reply *r)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  assert_true (json_parser_load_from_data (parser, body_of (r), -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_error (Reply      *r,
              guint       status,
              const char *code)
{
  g_autoptr (JsonNode) root = NULL;
  JsonObject *o;

  if (r->status != status)
    fail_msg ("expected %u %s, got %u: %s", status, code, r->status, body_of (r));
  root = parse (r);
  o = json_node_get_object (root);
  assert_string_equal (json_object_get_string_member (o, "error"), code);
  assert_true (strlen (json_object_get_string_member (o, "message")) > 10);
  assert_string_equal (soup_message_headers_get_content_type (r->headers, NULL),
                       "application/json");
}

static char *
claim (Fixture *f,
       guint    partner)
{
  g_autofree char *path = room_path (f, "/api/claim");
  g_autofree char *json = g_strdup_printf ("{\"partner\": \"p%u\"}", partner);
  g_autoptr (Reply) r = http (f, "POST", path, NULL, json);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *o;

  if (r->status != 200)
    fail_msg ("claim: %u %s", r->status, body_of (r));
  root = parse (r);
  o = json_node_get_object (root);
  assert_int_equal (strlen (json_object_get_string_member (o, "seat")), 22);
  return g_strdup (json_object_get_string_member (o, "seat"));
}

static Reply *
answer (Fixture    *f,
        const char *seat,
        const char *json)
{
  g_autofree char *path = room_path (f, "/api/answer");

  return http (f, "POST", path, seat, json);
}

static void
answer_ok (Fixture    *f,
           const char *seat,
           const char *json)
{
  g_autoptr (Reply) r = answer (f, seat, json);

  if (r->status != 200)
    fail_msg ("answer %s: %u %s", json, r->status, g_bytes_get_data (r->body, NULL));
}

/* The whole document, to prove a refusal changed nothing. */
static GBytes *
snapshot (Fixture *f)
{
  return cg_session_xml_save_bytes (f->session, NULL);
}

static void
assert_security_headers (Reply *r)
{
  SoupMessageHeaders *h = r->headers;

  assert_string_equal (soup_message_headers_get_one (h, "Content-Security-Policy"),
                       "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                       "base-uri 'none'; form-action 'none'");
  assert_string_equal (soup_message_headers_get_one (h, "X-Content-Type-Options"), "nosniff");
  assert_string_equal (soup_message_headers_get_one (h, "Referrer-Policy"), "no-referrer");
  assert_string_equal (soup_message_headers_get_one (h, "Cache-Control"), "no-store");
  assert_null (soup_message_headers_get_one (h, "Access-Control-Allow-Origin"));
}

/* Tests ----------------------------------------------------------------------------- */

/* A stranger without the key learns nothing: every path, the same 404. */
static void
test_stranger_gets_404 (void **state)
{
  Fixture *f = *state;
  const char *paths[] = { "/",
                          "/favicon.ico",
                          "/r/",
                          "/r/0000000000",
                          "/r/0000000000/api/room",
                          "/r/ZZZZZZZZZZ/api/claim",
                          "/etc/passwd",
                          "/r/../../etc/passwd" };
  g_autoptr (Reply) first = http (f, "GET", "/nothing", NULL, NULL);
  g_autofree char *unknown = room_path (f, "/api/nothing");
  g_autoptr (Reply) under_key = http (f, "GET", unknown, NULL, NULL);
  const char *title = "Riverside";

  assert_error (first, 404, "not-found");
  assert_security_headers (first);
  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (Reply) r = http (f, i % 2 ? "POST" : "GET", paths[i], NULL, "{}");

      assert_int_equal (r->status, 404);
      assert_true (g_bytes_equal (r->body, first->body));
      assert_null (strstr (body_of (r), title));
      assert_null (strstr (body_of (r), "Ann Lee"));
      assert_security_headers (r);
    }
  /* With the key, an unknown path is the same 404 too. */
  assert_true (g_bytes_equal (under_key->body, first->body));
}

/* A GET as a browser sends it, asking for HTML first. */
static Reply *
browser_get (Fixture    *f,
             const char *path,
             const char *lang)
{
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", url);
  GBytes *result = NULL;
  Reply *r = g_new0 (Reply, 1);

  assert_non_null (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
  if (lang != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept-Language", lang);
  soup_session_send_and_read_async (f->client, msg, G_PRIORITY_DEFAULT, NULL, on_sent, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  r->body = g_bytes_new (g_bytes_get_data (result, NULL), g_bytes_get_size (result));
  g_bytes_unref (result);
  r->status = soup_message_get_status (msg);
  r->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return r;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (text, needle) != NULL;
}

/* A wrong key opened in a browser: one small page a person can read, the
 * same bytes whatever the path or key, and nothing of the session in it.
 * The API (no text/html in Accept) still gets the JSON error. */
static void
test_not_found_page (void **state)
{
  Fixture *f = *state;
  g_autofree char *key = g_strdup (cg_room_get_key (f->room));
  g_autofree char *unknown = room_path (f, "/api/nothing");
  g_autofree char *missing = room_path (f, "/static/missing.css");
  const char *paths[] = { "/r/0000000000",
                          "/r/0000000000/api/room",
                          "/favicon.ico",
                          "/",
                          "/x7Qz/random/path",
                          "/r/",
                          unknown,
                          missing };
  g_autoptr (Reply) wrong = browser_get (f, "/r/ZZZZZZZZZZ", NULL);
  g_autoptr (Reply) json = http (f, "GET", "/r/ZZZZZZZZZZ", NULL, NULL);
  g_autoptr (Reply) de = browser_get (f, "/r/ZZZZZZZZZZ", "de-DE,de;q=0.9");
  g_autoptr (Reply) de_other = browser_get (f, "/somewhere/else", "de-DE,de;q=0.9");

  assert_int_equal (wrong->status, 404);
  assert_security_headers (wrong);
  assert_string_equal (soup_message_headers_get_content_type (wrong->headers, NULL), "text/html");
  assert_true (bytes_contain (wrong->body, "<!DOCTYPE html>"));
  assert_true (bytes_contain (wrong->body, "Check the address with the facilitator."));
  assert_true (bytes_contain (wrong->body, "<html lang=\"en\">"));
  /* Nothing inline for the CSP to refuse, nothing to fetch. */
  assert_false (bytes_contain (wrong->body, "<script"));
  assert_false (bytes_contain (wrong->body, "style"));
  assert_false (bytes_contain (wrong->body, "src="));
  assert_false (bytes_contain (wrong->body, "href="));
  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (Reply) r = browser_get (f, paths[i], NULL);

      if (r->status != 404 || !g_bytes_equal (r->body, wrong->body))
        fail_msg ("%s: %u, not the same page: %.*s", paths[i], r->status,
                  (int) g_bytes_get_size (r->body),
                  (const char *) g_bytes_get_data (r->body, NULL));
      assert_string_equal (soup_message_headers_get_content_type (r->headers, NULL), "text/html");
      assert_false (bytes_contain (r->body, "Riverside"));
      assert_false (bytes_contain (r->body, "Ann Lee"));
      assert_false (bytes_contain (r->body, key));
      assert_false (bytes_contain (r->body, "p1"));
    }
  /* A German phone reads German, the same bytes for every path too. */
  assert_int_equal (de->status, 404);
  assert_true (g_bytes_equal (de->body, de_other->body));
  assert_true (bytes_contain (de->body, "Prüfen Sie die Adresse"));
  assert_true (bytes_contain (de->body, "<html lang=\"de\">"));
  /* The API and scripts still get JSON. */
  assert_error (json, 404, "not-found");
}

static void
test_page_and_static (void **state)
{
  Fixture *f = *state;
  g_autofree char *page = room_path (f, "");
  g_autofree char *js = room_path (f, "/static/room.js");
  g_autofree char *css = room_path (f, "/static/room.css");
  g_autofree char *escape = room_path (f, "/static/../room.js");
  g_autofree char *missing = room_path (f, "/static/missing.js");
  g_autofree char *nested = room_path (f, "/static/i18n/de.mo");
  g_autofree char *lower = g_ascii_strdown (cg_room_get_key (f->room), -1);
  g_autofree char *dashed = cg_room_format_key (lower);
  g_autofree char *typed = g_strconcat ("/r/", dashed, "/api/room", NULL);
  g_autofree char *base = g_strconcat ("/r/", cg_room_get_key (f->room), "/static/room.js", NULL);
  g_autoptr (Reply) r = http (f, "GET", page, NULL, NULL);
  g_autoptr (Reply) r_js = http (f, "GET", js, NULL, NULL);
  g_autoptr (Reply) r_css = http (f, "GET", css, NULL, NULL);
  g_autoptr (Reply) r_typed = http (f, "GET", typed, NULL, NULL);

  assert_int_equal (r->status, 200);
  assert_security_headers (r);
  assert_string_equal (soup_message_headers_get_content_type (r->headers, NULL), "text/html");
  /* The page's own links carry the key (the join URL has no slash). */
  assert_non_null (strstr (body_of (r), base));
  assert_null (strstr (body_of (r), "@BASE@"));
  assert_null (strstr (body_of (r), "@LANG@"));
  /* Only the two links and the language are filled in: never text in a
   * comment (the key once showed up in the page's own comment). */
  {
    const char *key = cg_room_get_key (f->room);
    guint n = 0;

    for (const char *p = strstr (body_of (r), key); p != NULL; p = strstr (p + 1, key))
      n++;
    assert_int_equal (n, 2);
    assert_non_null (strstr (body_of (r), "<html lang=\"en\">"));
  }
  {
    g_autoptr (Reply) de = http_full (f, "GET", page, NULL, NULL, NULL, 0, "de");

    assert_non_null (strstr (body_of (de), "<html lang=\"de\">"));
  }
  assert_int_equal (r_js->status, 200);
  assert_string_equal (soup_message_headers_get_content_type (r_js->headers, NULL),
                       "text/javascript");
  assert_int_equal (r_css->status, 200);
  assert_string_equal (soup_message_headers_get_content_type (r_css->headers, NULL), "text/css");
  /* Typed keys: case and dashes do not matter. */
  assert_int_equal (r_typed->status, 200);
  {
    g_autoptr (Reply) a = http (f, "GET", escape, NULL, NULL);
    g_autoptr (Reply) b = http (f, "GET", missing, NULL, NULL);
    g_autoptr (Reply) c = http (f, "GET", nested, NULL, NULL);

    assert_int_equal (a->status, 404);
    assert_int_equal (b->status, 404);
    assert_int_equal (c->status, 404);
  }
  assert_int_equal (strlen (cg_room_get_key (f->room)), 10);
  assert_int_equal (strspn (cg_room_get_key (f->room), "0123456789ABCDEFGHJKMNPQRSTVWXYZ"), 10);
  assert_int_equal (strlen (dashed), 12);
  assert_int_equal (dashed[4], '-');
  assert_int_equal (dashed[9], '-');
}

static void
test_room_info_and_language (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = room_path (f, "/api/room");
  g_autofree char *seat = claim (f, f->ben);
  g_autoptr (Reply) en = http (f, "GET", path, NULL, NULL);
  g_autoptr (Reply) de = http_full (f, "GET", path, NULL, NULL, NULL, 0, "de-DE,de;q=0.9,en;q=0.8");
  g_autoptr (Reply) en2 = http_full (f, "GET", path, NULL, NULL, NULL, 0, "fr, en;q=0.9, de;q=0.5");
  g_autoptr (JsonNode) root = parse (en);
  g_autoptr (JsonNode) root_de = parse (de);
  JsonObject *o = json_node_get_object (root);
  JsonArray *partners = json_object_get_array_member (o, "partners");

  assert_int_equal (en->status, 200);
  assert_string_equal (json_object_get_string_member (o, "title"), "Riverside partnership");
  assert_string_equal (json_object_get_string_member (o, "stage"), "lesson-1");
  assert_false (json_object_get_boolean_member (o, "locked"));
  assert_string_equal (json_object_get_string_member (o, "language"), "en");
  assert_int_equal (json_array_get_length (partners), 3);
  assert_string_equal (
    json_object_get_string_member (json_array_get_object_element (partners, 1), "name"),
    "Ben Ward");
  assert_false (
    json_object_get_boolean_member (json_array_get_object_element (partners, 0), "claimed"));
  assert_true (
    json_object_get_boolean_member (json_array_get_object_element (partners, 1), "claimed"));
  assert_true (json_object_has_member (o, "strings"));
  assert_string_equal (json_object_get_string_member (json_node_get_object (root_de), "language"),
                       "de");
  assert_string_equal (soup_message_headers_get_one (de->headers, "Content-Language"), "de");
  assert_string_equal (soup_message_headers_get_one (en2->headers, "Content-Language"), "en");
  assert_string_equal (cg_room_pick_language ("de"), "de");
  assert_string_equal (cg_room_pick_language ("en-GB,de;q=0.7"), "en");
  assert_string_equal (cg_room_pick_language ("de;q=0"), "en");
  assert_string_equal (cg_room_pick_language (NULL), "en");
  /* Empty ranges (found by fuzz-room-request: it crashed before any key
   * was checked). */
  assert_string_equal (cg_room_pick_language ("de,"), "de");
  assert_string_equal (cg_room_pick_language (",,;q=1,de;"), "de");
  assert_string_equal (cg_room_pick_language (""), "en");
}

/* Errors come in the phone's language, from po/de.po compiled in. */
static void
test_errors_translated (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = room_path (f, "/api/stage");
  g_autoptr (Reply) de = http_full (f, "GET", path, NULL, NULL, NULL, 0, "de");
  g_autoptr (Reply) en = http_full (f, "GET", path, NULL, NULL, NULL, 0, "en");
  g_autoptr (JsonNode) root_de = parse (de);
  g_autoptr (JsonNode) root_en = parse (en);
  const char *msg_de = json_object_get_string_member (json_node_get_object (root_de), "message");
  const char *msg_en = json_object_get_string_member (json_node_get_object (root_en), "message");

  assert_error (de, 401, "no-seat");
  assert_string_not_equal (msg_de, msg_en);
  assert_string_equal (msg_de, cg_room_translate ("de", "room", msg_en));
  assert_string_equal (cg_room_translate ("de", NULL, "Divergent"), "Uneinig");
  assert_string_equal (cg_room_translate ("en", NULL, "Divergent"), "Divergent");
}

static void
test_claim_refusals (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = room_path (f, "/api/claim");
  g_autofree char *seat = claim (f, f->ann);
  g_autofree char *ann = g_strdup_printf ("{\"partner\": \"p%u\"}", f->ann);
  g_autofree char *cara = g_strdup_printf ("{\"partner\": \"p%u\"}", f->cara);
  g_autofree char *extra = g_strdup_printf ("{\"partner\": \"p%u\", \"admin\": true}", f->cara);
  g_autofree char *item = g_strdup_printf ("{\"partner\": \"s%u\"}", f->s1);
  g_autofree char *task = g_strdup_printf ("{\"partner\": \"p%u\"}", f->task);

  {
    g_autoptr (Reply) r = http (f, "POST", path, NULL, ann);
    assert_error (r, 409, "seat-taken");
  }
  {
    g_autoptr (Reply) r = http (f, "POST", path, NULL, "{\"partner\": \"p999\"}");
    assert_error (r, 400, "unknown-partner");
  }
  {
    /* Ids of the wrong kind: a statement, or a task's number as a partner. */
    g_autoptr (Reply) r = http (f, "POST", path, NULL, item);
    g_autoptr (Reply) r2 = http (f, "POST", path, NULL, task);
    assert_error (r, 400, "unknown-partner");
    assert_error (r2, 400, "unknown-partner");
  }
  {
    g_autoptr (Reply) r = http (f, "POST", path, NULL, extra);
    assert_error (r, 400, "unknown-field");
  }
  {
    g_autoptr (Reply) r =
      http_full (f, "POST", path, NULL, "text/plain", cara, strlen (cara), NULL);
    assert_error (r, 415, "wrong-type");
  }
  {
    g_autoptr (Reply) r = http (f, "GET", path, NULL, NULL);
    assert_error (r, 405, "wrong-method");
  }
  cg_room_set_locked (f->room, TRUE);
  {
    g_autoptr (Reply) r = http (f, "POST", path, NULL, cara);
    assert_error (r, 423, "room-locked");
  }
  cg_room_set_locked (f->room, FALSE);
  g_free (claim (f, f->cara));
  assert_int_equal (f->seats_changed, 2);
}

static void
test_seat_required (void **state)
{
  Fixture *f = *state;
  const char *rests[] = { "/api/stage", "/api/events", "/api/seat", "/api/answer" };
  const char *methods[] = { "GET", "GET", "DELETE", "POST" };
  g_autofree char *seat = claim (f, f->ann);
  g_autofree char *wrong = g_strdup (seat);

  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  for (gsize i = 0; i < G_N_ELEMENTS (rests); i++)
    {
      g_autofree char *path = room_path (f, rests[i]);
      g_autoptr (Reply) none = http (f, methods[i], path, NULL, "{\"item\": \"s1\", \"value\": 1}");
      g_autoptr (Reply) bad = http (f, methods[i], path, wrong, "{\"item\": \"s1\", \"value\": 1}");

      assert_error (none, 401, "no-seat");
      assert_error (bad, 401, "no-seat");
    }
  assert_false (cg_session_can_undo (f->session));
}

static void
assert_refused (Fixture    *f,
                const char *seat,
                const char *json,
                guint       status,
                const char *code)
{
  g_autoptr (GBytes) before = snapshot (f);
  g_autoptr (Reply) r = answer (f, seat, json);
  g_autoptr (GBytes) after = snapshot (f);

  assert_error (r, status, code);
  assert_true (g_bytes_equal (before, after));
  assert_false (cg_session_can_undo (f->session));
  assert_false (cg_session_get_modified (f->session));
}

static void
test_answer_refusals (void **state)
{
  Fixture *f = *state;
  g_autofree char *seat = claim (f, f->ann);
  g_autofree char *wrong_kind_item = g_strdup_printf ("{\"item\": \"a%u\", \"value\": 3}", f->s1);
  g_autofree char *task_as_item = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 3}", f->task);
  g_autofree char *item_as_task =
    g_strdup_printf ("{\"task\": \"t%u\", \"involvement\": \"R\"}", f->s1);
  g_autofree char *v9 = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 9}", f->s1);
  g_autofree char *v0 = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 0}", f->s1);
  g_autofree char *vfloat = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 4.0}", f->s1);
  g_autofree char *vstring = g_strdup_printf ("{\"item\": \"s%u\", \"value\": \"4\"}", f->s1);
  g_autofree char *vbool = g_strdup_printf ("{\"item\": \"s%u\", \"value\": true}", f->s1);
  g_autofree char *novalue = g_strdup_printf ("{\"item\": \"s%u\"}", f->s1);
  g_autofree char *unknown =
    g_strdup_printf ("{\"item\": \"s%u\", \"value\": 3, \"partner\": \"p%u\"}", f->s1, f->ben);
  g_autofree char *two =
    g_strdup_printf ("{\"item\": \"s%u\", \"value\": 3, \"lesson\": 1, \"comment\": \"x\"}", f->s1);
  g_autofree char *inv = g_strdup_printf ("{\"task\": \"t%u\", \"involvement\": \"X\"}", f->task);
  g_autofree char *inv_lower =
    g_strdup_printf ("{\"task\": \"t%u\", \"involvement\": \"r\"}", f->task);
  g_autofree char *believed =
    g_strdup_printf ("{\"task\": \"t%u\", \"believes_accountable\": \"p999\"}", f->task);
  g_autofree char *believed_item =
    g_strdup_printf ("{\"task\": \"t%u\", \"believes_accountable\": \"s%u\"}", f->task, f->s1);
  g_autofree char *negseq =
    g_strdup_printf ("{\"item\": \"s%u\", \"value\": 3, \"seq\": -1}", f->s1);
  g_autofree char *long_comment = NULL;
  g_autofree char *ok_comment = NULL;
  g_autofree char *body = NULL;
  GString *deep = g_string_new (NULL);
  GString *big = g_string_new (NULL);

  assert_refused (f, seat, "{\"item\": \"s999\", \"value\": 3}", 400, "unknown-item");
  assert_refused (f, seat, wrong_kind_item, 400, "unknown-item");
  assert_refused (f, seat, task_as_item, 400, "unknown-item");
  assert_refused (f, seat, item_as_task, 400, "unknown-item");
  assert_refused (f, seat, "{\"lesson\": 6, \"comment\": \"x\"}", 400, "unknown-item");
  assert_refused (f, seat, "{\"lesson\": 0, \"comment\": \"x\"}", 400, "unknown-item");
  assert_refused (f, seat, v9, 400, "bad-value");
  assert_refused (f, seat, v0, 400, "bad-value");
  assert_refused (f, seat, vfloat, 400, "bad-value");
  assert_refused (f, seat, vstring, 400, "bad-value");
  assert_refused (f, seat, vbool, 400, "bad-value");
  assert_refused (f, seat, novalue, 400, "bad-value");
  assert_refused (f, seat, inv, 400, "bad-value");
  assert_refused (f, seat, inv_lower, 400, "bad-value");
  assert_refused (f, seat, believed, 400, "bad-value");
  assert_refused (f, seat, believed_item, 400, "bad-value");
  assert_refused (f, seat, negseq, 400, "bad-value");
  assert_refused (f, seat, unknown, 400, "unknown-field");
  assert_refused (f, seat, two, 400, "unknown-field");
  assert_refused (f, seat, "{\"item\": ", 400, "bad-request");
  assert_refused (f, seat, "[1, 2]", 400, "bad-request");
  assert_refused (f, seat, "\"s1\"", 400, "bad-request");
  assert_refused (f, seat, "{}", 400, "bad-request");
  assert_refused (f, seat, "", 400, "bad-request");
  for (int i = 0; i < 2000; i++)
    g_string_append_c (deep, '[');
  assert_refused (f, seat, deep->str, 400, "bad-request");
  g_string_free (deep, TRUE);

  /* 2,000 characters (not bytes) is the cap: é is two bytes. */
  {
    GString *s = g_string_new (NULL);

    for (int i = 0; i < 2001; i++)
      g_string_append (s, "é");
    long_comment = g_strdup_printf ("{\"lesson\": 1, \"comment\": \"%s\"}", s->str);
    g_string_truncate (s, strlen ("é") * 2000);
    ok_comment = g_strdup_printf ("{\"lesson\": 1, \"comment\": \"%s\"}", s->str);
    g_string_free (s, TRUE);
  }
  assert_refused (f, seat, long_comment, 400, "too-long");

  /* Over 16 KiB: refused before it is read. */
  g_string_append (big, "{\"lesson\": 1, \"comment\": \"");
  while (big->len < 17 * 1024)
    g_string_append_c (big, 'x');
  g_string_append (big, "\"}");
  assert_refused (f, seat, big->str, 413, "too-large");
  g_string_free (big, TRUE);

  /* Wrong content type, and none. */
  body = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 3}", f->s1);
  {
    g_autofree char *path = room_path (f, "/api/answer");
    g_autoptr (Reply) r =
      http_full (f, "POST", path, seat, "text/plain", body, strlen (body), NULL);
    g_autoptr (Reply) r2 = http_full (f, "POST", path, seat, "application/x-www-form-urlencoded",
                                      body, strlen (body), NULL);

    assert_error (r, 415, "wrong-type");
    assert_error (r2, 415, "wrong-type");
    assert_false (cg_session_can_undo (f->session));
  }
  /* And the cap itself is allowed. */
  {
    g_autoptr (Reply) r = answer (f, seat, ok_comment);
    assert_int_equal (r->status, 200);
    assert_int_equal (g_utf8_strlen (cg_session_get_comment (f->session, f->ann, 0), -1), 2000);
  }
}

/* Answers land through the session's setters, one named undo step each. */
static void
test_answers_land_and_undo (void **state)
{
  Fixture *f = *state;
  g_autofree char *seat = claim (f, f->ann);
  g_autofree char *rating = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 4}", f->s1);
  g_autofree char *dont_know =
    g_strdup_printf ("{\"item\": \"s%u\", \"value\": \"dont-know\"}", f->s2);
  g_autofree char *clear = g_strdup_printf ("{\"item\": \"s%u\", \"value\": null}", f->s2);
  g_autofree char *importance = g_strdup_printf ("{\"item\": \"a%u\", \"value\": 5}", f->aim);
  g_autofree char *inv = g_strdup_printf ("{\"task\": \"t%u\", \"involvement\": \"A\"}", f->task);
  g_autofree char *none =
    g_strdup_printf ("{\"task\": \"t%u\", \"involvement\": \"none\"}", f->task);
  g_autofree char *believed =
    g_strdup_printf ("{\"task\": \"t%u\", \"believes_accountable\": \"p%u\"}", f->task, f->ben);
  const char *comment = "{\"lesson\": 2, \"comment\": \"R&D \\u0001matters\\ttoo\"}";

  {
    g_autoptr (Reply) r = answer (f, seat, rating);
    g_autoptr (JsonNode) root = parse (r);

    assert_int_equal (r->status, 200);
    assert_true (json_object_get_boolean_member (json_node_get_object (root), "ok"));
    assert_int_equal (json_object_get_int_member (json_node_get_object (root), "seq"), 1);
  }
  assert_int_equal (cg_session_get_rating (f->session, f->ann, f->s1), CG_RATING_4);
  assert_true (cg_session_get_modified (f->session));
  assert_string_equal (cg_session_get_undo_label (f->session), "Answer from Ann Lee");
  assert_true (cg_session_undo (f->session));
  assert_int_equal (cg_session_get_rating (f->session, f->ann, f->s1), CG_RATING_NONE);
  assert_false (cg_session_can_undo (f->session));

  answer_ok (f, seat, dont_know);
  assert_int_equal (cg_session_get_rating (f->session, f->ann, f->s2), CG_RATING_DONT_KNOW);
  answer_ok (f, seat, clear);
  assert_int_equal (cg_session_get_rating (f->session, f->ann, f->s2), CG_RATING_NONE);
  answer_ok (f, seat, importance);
  assert_int_equal (cg_session_get_rating (f->session, f->ann, f->aim), CG_RATING_5);
  answer_ok (f, seat, inv);
  assert_int_equal (cg_session_get_involvement (f->session, f->ann, f->task),
                    CG_INVOLVEMENT_ACCOUNTABLE);
  answer_ok (f, seat, none);
  assert_int_equal (cg_session_get_involvement (f->session, f->ann, f->task), CG_INVOLVEMENT_NONE);
  answer_ok (f, seat, believed);
  assert_int_equal (cg_session_get_believed_accountable (f->session, f->ann, f->task), f->ben);
  answer_ok (f, seat, comment);
  /* Cleaned as typed text is: the control character goes, the tab stays. */
  assert_string_equal (cg_session_get_comment (f->session, f->ann, 1), "R&D matters\ttoo");
  assert_string_equal (cg_session_get_undo_label (f->session), "Answer from Ann Lee");
  /* One undo takes back exactly the last answer. */
  assert_true (cg_session_undo (f->session));
  assert_string_equal (cg_session_get_comment (f->session, f->ann, 1), "");
  assert_int_equal (cg_session_get_believed_accountable (f->session, f->ann, f->task), f->ben);
  /* Nobody else's answers were touched. */
  assert_int_equal (cg_session_get_rating (f->session, f->ben, f->s1), CG_RATING_NONE);
  assert_int_equal (cg_session_count_answered_partners (f->session, "lesson-1"), 0);
  assert_int_equal (cg_session_count_answered_partners (f->session, "aims"), 1);
  /* The claim and eight answers. */
  assert_int_equal (f->seats_changed, 9);
}

/* A retry overtaken by a newer answer is acknowledged and dropped. */
static void
test_seq_ordering (void **state)
{
  Fixture *f = *state;
  g_autofree char *seat = claim (f, f->ann);
  g_autofree char *a5 = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 4, \"seq\": 5}", f->s1);
  g_autofree char *a3 = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 2, \"seq\": 3}", f->s1);
  g_autofree char *other = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 1, \"seq\": 1}", f->s2);
  g_autofree char *a6 = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 1, \"seq\": 6}", f->s1);

  answer_ok (f, seat, a5);
  {
    g_autoptr (Reply) r = answer (f, seat, a3);
    g_autoptr (JsonNode) root = parse (r);

    assert_int_equal (r->status, 200);
    assert_int_equal (json_object_get_int_member (json_node_get_object (root), "seq"), 3);
  }
  assert_int_equal (cg_session_get_rating (f->session, f->ann, f->s1), CG_RATING_4);
  /* Each target has its own counter. */
  answer_ok (f, seat, other);
  assert_int_equal (cg_session_get_rating (f->session, f->ann, f->s2), CG_RATING_1);
  answer_ok (f, seat, a6);
  assert_int_equal (cg_session_get_rating (f->session, f->ann, f->s1), CG_RATING_1);
}

static JsonObject *
find_item (JsonObject *stage,
           const char *id)
{
  JsonArray *items = json_object_get_array_member (stage, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "id"), id))
        return item;
    }
  fail_msg ("no item %s", id);
  return NULL;
}

/* Before Reveal a seat sees only its own answers and how many answered;
 * after, counts and the level; never another partner's name or comment. */
static void
test_sealing (void **state)
{
  Fixture *f = *state;
  g_autofree char *ann = claim (f, f->ann);
  g_autofree char *ben = claim (f, f->ben);
  g_autofree char *stage_path = room_path (f, "/api/stage");
  g_autofree char *s1 = g_strdup_printf ("s%u", f->s1);
  g_autofree char *ann4 = g_strdup_printf ("{\"item\": \"%s\", \"value\": 4}", s1);
  g_autofree char *ben2 = g_strdup_printf ("{\"item\": \"%s\", \"value\": 2}", s1);
  const char *secret = "Zebra-secret-from-Ben";
  g_autofree char *ben_comment = g_strdup_printf ("{\"lesson\": 1, \"comment\": \"%s\"}", secret);

  answer_ok (f, ann, ann4);
  answer_ok (f, ben, ben2);
  answer_ok (f, ben, ben_comment);
  {
    g_autoptr (Reply) r = http (f, "GET", stage_path, ann, NULL);
    g_autoptr (JsonNode) root = parse (r);
    JsonObject *o = json_node_get_object (root);
    JsonObject *item = find_item (o, s1);

    assert_int_equal (r->status, 200);
    assert_string_equal (json_object_get_string_member (o, "kind"), "rating");
    assert_string_equal (json_object_get_string_member (o, "title"), "Purpose and Leadership");
    assert_int_equal (json_object_get_int_member (item, "mine"), 4);
    assert_true (json_node_is_null (json_object_get_member (item, "room")));
    assert_int_equal (json_object_get_int_member (o, "answered"), 2);
    assert_int_equal (json_object_get_int_member (o, "partners"), 3);
    assert_false (json_object_get_boolean_member (o, "revealed"));
    assert_true (json_node_is_null (
      json_object_get_member (json_object_get_object_member (o, "comment"), "mine")));
    /* Raw bytes: nothing of Ben's. */
    assert_null (strstr (body_of (r), secret));
    assert_null (strstr (body_of (r), "Ben"));
    assert_null (strstr (body_of (r), "\"counts\""));
  }
  cg_session_set_revealed (f->session, CG_STAGE_LESSON_1, TRUE);
  {
    g_autoptr (Reply) r = http (f, "GET", stage_path, ann, NULL);
    g_autoptr (JsonNode) root = parse (r);
    JsonObject *o = json_node_get_object (root);
    JsonObject *room = json_object_get_object_member (find_item (o, s1), "room");
    JsonArray *counts = json_object_get_array_member (room, "counts");
    /* Ann 4, Ben 2: one each; 2 beside 4 is divergent (PRODUCT.md). */
    const gint64 expected[] = { 0, 1, 0, 1, 0 };

    assert_true (json_object_get_boolean_member (o, "revealed"));
    for (guint i = 0; i < 5; i++)
      assert_int_equal (json_array_get_int_element (counts, i), expected[i]);
    assert_int_equal (json_object_get_int_member (room, "dont_know"), 0);
    assert_string_equal (json_object_get_string_member (room, "level"), "divergent");
    assert_string_equal (json_object_get_string_member (room, "label"), "Divergent");
    assert_null (strstr (body_of (r), secret));
    assert_null (strstr (body_of (r), "Ben"));
    assert_null (strstr (body_of (r), "Cara"));
  }
  /* The answer endpoint's reply carries nothing but the acknowledgement. */
  {
    g_autoptr (Reply) r = answer (f, ann, ann4);

    assert_string_equal (body_of (r), "{\"ok\":true,\"seq\":2}");
  }
}

static void
test_stage_kinds (void **state)
{
  Fixture *f = *state;
  g_autofree char *ann = claim (f, f->ann);
  g_autofree char *path = room_path (f, "/api/stage");
  g_autofree char *believed =
    g_strdup_printf ("{\"task\": \"t%u\", \"believes_accountable\": \"p%u\"}", f->task, f->cara);

  answer_ok (f, ann, believed);
  cg_session_set_current_stage (f->session, CG_STAGE_ROLES);
  {
    g_autoptr (Reply) r = http (f, "GET", path, ann, NULL);
    g_autoptr (JsonNode) root = parse (r);
    JsonObject *o = json_node_get_object (root);
    g_autofree char *t = g_strdup_printf ("t%u", f->task);
    g_autofree char *cara = g_strdup_printf ("p%u", f->cara);
    JsonObject *mine = json_object_get_object_member (find_item (o, t), "mine");

    assert_string_equal (json_object_get_string_member (o, "kind"), "roles");
    assert_true (json_node_is_null (json_object_get_member (mine, "involvement")));
    assert_string_equal (json_object_get_string_member (mine, "believes_accountable"), cara);
    assert_int_equal (json_array_get_length (json_object_get_array_member (o, "choices")), 3);
    assert_int_equal (json_array_get_length (json_object_get_array_member (o, "scale")), 5);
    assert_int_equal (json_object_get_int_member (o, "answered"), 1);
  }
  cg_session_set_current_stage (f->session, CG_STAGE_AIMS);
  {
    g_autoptr (Reply) r = http_full (f, "GET", path, ann, NULL, NULL, 0, "de");
    g_autoptr (JsonNode) root = parse (r);
    JsonObject *o = json_node_get_object (root);

    assert_string_equal (json_object_get_string_member (o, "kind"), "importance");
    assert_string_equal (json_object_get_string_member (o, "title"), "Ziele");
    assert_int_equal (json_array_get_length (json_object_get_array_member (o, "scale")), 6);
  }
  cg_session_set_current_stage (f->session, CG_STAGE_REVIEW);
  {
    g_autoptr (Reply) r = http (f, "GET", path, ann, NULL);
    g_autoptr (JsonNode) root = parse (r);
    JsonObject *o = json_node_get_object (root);

    assert_string_equal (json_object_get_string_member (o, "kind"), "wait");
    assert_false (json_object_has_member (o, "items"));
  }
}

static void
test_seats_freed_and_left (void **state)
{
  Fixture *f = *state;
  g_autofree char *ann = claim (f, f->ann);
  g_autofree char *ben = claim (f, f->ben);
  g_autofree char *stage = room_path (f, "/api/stage");
  g_autofree char *seat_path = room_path (f, "/api/seat");
  g_autofree char *ann_id = g_strdup_printf ("p%u", f->ann);
  g_autoptr (GPtrArray) seats = cg_room_dup_seats (f->room);

  assert_int_equal (seats->len, 2);
  assert_string_equal (((CgRoomSeat *) g_ptr_array_index (seats, 0))->partner_id, ann_id);
  assert_true (((CgRoomSeat *) g_ptr_array_index (seats, 0))->joined_at > 0);
  assert_int_equal (((CgRoomSeat *) g_ptr_array_index (seats, 0))->last_answer_at, 0);
  assert_true (cg_room_free_seat (f->room, ann_id));
  assert_false (cg_room_free_seat (f->room, ann_id));
  {
    g_autoptr (Reply) r = http (f, "GET", stage, ann, NULL);
    assert_error (r, 401, "no-seat");
  }
  /* Free again: someone can claim it, with a new token. */
  {
    g_autofree char *again = claim (f, f->ann);
    assert_string_not_equal (again, ann);
  }
  {
    g_autoptr (Reply) r = http (f, "DELETE", seat_path, ben, NULL);
    g_autoptr (Reply) r2 = http (f, "GET", stage, ben, NULL);

    assert_int_equal (r->status, 200);
    assert_error (r2, 401, "no-seat");
  }
  g_clear_pointer (&seats, g_ptr_array_unref);
  seats = cg_room_dup_seats (f->room);
  assert_int_equal (seats->len, 1);
  /* A partner removed from the session loses its seat. */
  cg_session_remove_partner (f->session, f->ann);
  g_clear_pointer (&seats, g_ptr_array_unref);
  seats = cg_room_dup_seats (f->room);
  assert_int_equal (seats->len, 0);
}

static void
test_wrong_keys_limited (void **state)
{
  Fixture *f = *state;
  g_autofree char *good = room_path (f, "/api/room");

  for (int i = 0; i < 9; i++)
    {
      g_autoptr (Reply) r = http (f, "GET", "/r/0000000000/api/room", NULL, NULL);
      assert_int_equal (r->status, 404);
    }
  {
    g_autoptr (Reply) r = http (f, "GET", good, NULL, NULL);
    g_autoptr (Reply) tenth = http (f, "GET", "/r/0000000001", NULL, NULL);

    assert_int_equal (r->status, 200);
    assert_int_equal (tenth->status, 404);
  }
  /* From now on, for a minute, nothing from this address gets through,
   * the right key included (else 429 vs 200 would tell). */
  {
    g_autoptr (Reply) r = http (f, "GET", good, NULL, NULL);
    g_autoptr (Reply) wrong = http (f, "GET", "/r/0000000002", NULL, NULL);

    assert_error (r, 429, "too-many-tries");
    assert_string_equal (soup_message_headers_get_one (r->headers, "Retry-After"), "60");
    assert_error (wrong, 429, "too-many-tries");
    assert_security_headers (r);
  }
  /* Other paths than /r/ are no guesses: a browser's favicon does not count. */
  assert_false (cg_room_peer_blocked (f->room, "127.0.0.2"));
}

/* 20 answers a second per seat, through the handler directly so the test
 * does not depend on how fast HTTP is here. */
static void
test_answer_rate (void **state)
{
  Fixture *f = *state;
  g_autofree char *seat = claim (f, f->ann);
  g_autofree char *path = room_path (f, "/api/answer");
  guint ok = 0, refused = 0;

  for (int i = 0; i < 41; i++)
    {
      g_autofree char *json =
        g_strdup_printf ("{\"item\": \"s%u\", \"value\": %d}", f->s1, 1 + i % 5);
      CgRoomRequest req = { "POST",        path,       "application/json",
                            NULL,          seat,       (const guint8 *) json,
                            strlen (json), "127.0.0.1" };
      CgRoomResponse res;

      cg_room_handle (f->room, &req, &res);
      if (res.status == 200)
        ok++;
      else if (res.status == 429)
        refused++;
      cg_room_response_clear (&res);
    }
  /* 41 calls span at most two one-second windows: at most 40 pass. */
  assert_true (refused >= 1);
  assert_true (ok >= 20 && ok <= 40);
  assert_int_equal (ok + refused, 41);
}

typedef struct
{
  GString *text;
  gboolean done;
  GInputStream *stream;
  char buf[4096];
} Events;

static void on_events_read (GObject *source, GAsyncResult *result, gpointer user_data);

static void
events_read_more (Events *ev)
{
  g_input_stream_read_async (ev->stream, ev->buf, sizeof ev->buf, G_PRIORITY_DEFAULT, NULL,
                             on_events_read, ev);
}

static void
on_events_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Events *ev = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);

  if (n <= 0)
    {
      ev->done = TRUE;
      return;
    }
  g_string_append_len (ev->text, ev->buf, n);
  events_read_more (ev);
}

static void
on_events_sent (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Events *ev = user_data;

  ev->stream = soup_session_send_finish (SOUP_SESSION (source), result, NULL);
  assert_non_null (ev->stream);
  events_read_more (ev);
}

static void
wait_for (Events     *ev,
          const char *needle)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (strstr (ev->text->str, needle) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (strstr (ev->text->str, needle) == NULL)
    fail_msg ("no %s in: %s", needle, ev->text->str);
}

static void
test_event_stream (void **state)
{
  Fixture *f = *state;
  g_autofree char *ann = claim (f, f->ann);
  g_autofree char *path = room_path (f, "/api/events");
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", url);
  g_autofree char *ann_id = g_strdup_printf ("p%u", f->ann);
  Events ev = { g_string_new (NULL), FALSE, NULL, { 0 } };

  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Seat", ann);
  soup_session_send_async (f->client, msg, G_PRIORITY_DEFAULT, NULL, on_events_sent, &ev);
  wait_for (&ev, "retry:");
  assert_int_equal (soup_message_get_status (msg), 200);
  assert_string_equal (
    soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
    "text/event-stream");
  assert_null (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                             "Access-Control-Allow-Origin"));
  assert_string_equal (
    soup_message_headers_get_one (soup_message_get_response_headers (msg), "Cache-Control"),
    "no-store");

  cg_session_set_current_stage (f->session, CG_STAGE_LESSON_2);
  wait_for (&ev, "event: stage\ndata: {\"version\":1,\"stage\":\"lesson-2\"}\n\n");
  cg_session_set_revealed (f->session, CG_STAGE_LESSON_2, TRUE);
  wait_for (&ev, "event: reveal\ndata: {\"version\":2,\"stage\":\"lesson-2\"}\n\n");
  /* Another partner's answer tells this phone nothing. */
  cg_session_set_rating (f->session, f->ben, f->s3, CG_RATING_2);
  /* The facilitator frees the seat: the phone hears it and the stream ends. */
  assert_true (cg_room_free_seat (f->room, ann_id));
  wait_for (&ev, "event: seat-freed");
  while (!ev.done)
    g_main_context_iteration (NULL, TRUE);
  assert_null (strstr (ev.text->str, "event: mine"));
  g_object_unref (ev.stream);
  g_string_free (ev.text, TRUE);
}

/* A partner removed from the session (by hand, by undoing their addition,
 * by redoing their removal) while their seat is claimed: the room frees the
 * seat itself, tells that phone "seat-freed", forgets the token, and keeps
 * no seat for a partner who does not exist. */
static void
open_events (Fixture      *f,
             const char   *seat,
             Events       *ev,
             SoupMessage **msg)
{
  g_autofree char *path = room_path (f, "/api/events");
  g_autofree char *url = g_strconcat (f->base, path, NULL);

  *msg = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (*msg), "X-Seat", seat);
  soup_session_send_async (f->client, *msg, G_PRIORITY_DEFAULT, NULL, on_events_sent, ev);
  wait_for (ev, "retry:");
}

static void
assert_stream_freed (Events *ev)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  wait_for (ev, "event: seat-freed\ndata: {");
  while (!ev->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  assert_true (ev->done);
  assert_null (strstr (ev->text->str, "room-closed"));
}

static void
test_removed_partner_frees_seat (void **state)
{
  Fixture *f = *state;
  g_autofree char *ann = claim (f, f->ann);
  g_autofree char *ben = claim (f, f->ben);
  g_autofree char *stage = room_path (f, "/api/stage");
  g_autoptr (SoupMessage) ann_msg = NULL;
  g_autoptr (SoupMessage) ben_msg = NULL;
  g_autoptr (SoupMessage) dan_msg = NULL;
  Events ann_ev = { g_string_new (NULL), FALSE, NULL, { 0 } };
  Events ben_ev = { g_string_new (NULL), FALSE, NULL, { 0 } };
  Events dan_ev = { g_string_new (NULL), FALSE, NULL, { 0 } };
  guint changed;
  guint dan;
  g_autofree char *dan_seat = NULL;

  open_events (f, ann, &ann_ev, &ann_msg);
  open_events (f, ben, &ben_ev, &ben_msg);
  assert_int_equal (f->room->streams->len, 2);
  changed = f->seats_changed;

  /* The facilitator removes Ann (the popover's list follows "seats-changed"). */
  cg_session_remove_partner (f->session, f->ann);
  assert_stream_freed (&ann_ev);
  assert_null (g_hash_table_lookup (f->room->seats, GUINT_TO_POINTER (f->ann)));
  assert_int_equal (g_hash_table_size (f->room->seats), 1);
  assert_true (f->seats_changed > changed);
  {
    g_autoptr (Reply) r = http (f, "GET", stage, ann, NULL);
    assert_error (r, 401, "no-seat");
  }
  /* Ben's phone heard nothing of it but a stage change, and still answers. */
  assert_null (strstr (ben_ev.text->str, "seat-freed"));
  {
    g_autofree char *json = g_strdup_printf ("{\"item\": \"s%u\", \"value\": 4}", f->s1);
    answer_ok (f, ben, json);
  }
  /* Undone (Ben's answer, then the removal): Ann is back, with a free
   * seat a phone can claim again. */
  cg_session_undo (f->session);
  cg_session_undo (f->session);
  assert_non_null (cg_session_lookup_partner (f->session, f->ann));
  assert_null (g_hash_table_lookup (f->room->seats, GUINT_TO_POINTER (f->ann)));
  {
    g_autofree char *again = claim (f, f->ann);
    assert_string_not_equal (again, ann);
  }
  /* Redone: removed again, and the new seat goes with her. */
  cg_session_redo (f->session);
  assert_null (cg_session_lookup_partner (f->session, f->ann));
  assert_null (g_hash_table_lookup (f->room->seats, GUINT_TO_POINTER (f->ann)));

  /* A partner added, claimed from a phone, then the addition undone. */
  dan = cg_session_add_partner (f->session, "Dan Obi", NULL, NULL);
  dan_seat = claim (f, dan);
  open_events (f, dan_seat, &dan_ev, &dan_msg);
  cg_session_undo (f->session);
  assert_null (cg_session_lookup_partner (f->session, dan));
  assert_stream_freed (&dan_ev);
  assert_null (g_hash_table_lookup (f->room->seats, GUINT_TO_POINTER (dan)));
  {
    g_autoptr (Reply) r = http (f, "GET", stage, dan_seat, NULL);
    assert_error (r, 401, "no-seat");
  }
  /* Only Ben's seat is left, and it is a real partner's. */
  assert_int_equal (g_hash_table_size (f->room->seats), 1);
  {
    g_autoptr (GPtrArray) seats = cg_room_dup_seats (f->room);
    g_autofree char *ben_id = g_strdup_printf ("p%u", f->ben);

    assert_int_equal (seats->len, 1);
    assert_string_equal (((CgRoomSeat *) g_ptr_array_index (seats, 0))->partner_id, ben_id);
  }
  assert_null (strstr (ben_ev.text->str, "seat-freed"));
  cg_room_close (f->room);
  while (!ben_ev.done)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&ann_ev.stream);
  g_clear_object (&ben_ev.stream);
  g_clear_object (&dan_ev.stream);
  g_string_free (ann_ev.text, TRUE);
  g_string_free (ben_ev.text, TRUE);
  g_string_free (dan_ev.text, TRUE);
}

static void
test_close_ends_streams (void **state)
{
  Fixture *f = *state;
  g_autofree char *ann = claim (f, f->ann);
  g_autofree char *path = room_path (f, "/api/events");
  g_autofree char *url = g_strconcat (f->base, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr (GError) error = NULL;
  Events ev = { g_string_new (NULL), FALSE, NULL, { 0 } };
  guint old_port = cg_room_get_port (f->room);
  g_autofree char *old_key = g_strdup (cg_room_get_key (f->room));

  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Seat", ann);
  soup_session_send_async (f->client, msg, G_PRIORITY_DEFAULT, NULL, on_events_sent, &ev);
  wait_for (&ev, "retry:");
  /* The phone's own answer is no news to it... */
  answer_ok (f, ann, "{\"lesson\": 1, \"comment\": \"mine\"}");
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  assert_null (strstr (ev.text->str, "event: mine"));
  /* ...but the facilitator's typing for this partner reaches it. */
  cg_session_set_rating (f->session, f->ann, f->s1, CG_RATING_3);
  wait_for (&ev, "event: mine");
  cg_room_close (f->room);
  assert_false (cg_room_is_open (f->room));
  assert_null (cg_room_get_url (f->room));
  assert_null (cg_room_get_key (f->room));
  while (!ev.done)
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (ev.stream);
  g_string_free (ev.text, TRUE);
  /* Closed means closed: nobody listens on the port any more. */
  {
    g_autoptr (GSocketClient) client = g_socket_client_new ();
    g_autoptr (GSocketConnection) c =
      g_socket_client_connect_to_host (client, "127.0.0.1", old_port, NULL, &error);

    assert_null (c);
    assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED));
  }
  /* A new key every time it opens; seats are gone. */
  assert_true (cg_room_open (f->room, "127.0.0.1", 0, NULL));
  assert_string_not_equal (cg_room_get_key (f->room), old_key);
  {
    g_autoptr (GPtrArray) seats = cg_room_dup_seats (f->room);
    assert_int_equal (seats->len, 0);
  }
}

/* A phone that goes away mid-stream is forgotten by the room. */
static void
test_stream_client_leaves (void **state)
{
  Fixture *f = *state;
  g_autofree char *ann = claim (f, f->ann);
  g_autofree char *path = room_path (f, "/api/events");
  g_autofree char *request =
    g_strdup_printf ("GET %s HTTP/1.1\r\nHost: x\r\nX-Seat: %s\r\n\r\n", path, ann);
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) c =
    g_socket_client_connect_to_host (client, "127.0.0.1", cg_room_get_port (f->room), NULL, NULL);
  GSocket *socket = g_socket_connection_get_socket (c);
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  assert_non_null (c);
  assert_true (g_socket_send (socket, request, strlen (request), NULL, NULL) ==
               (gssize) strlen (request));
  while (f->room->streams->len == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  assert_int_equal (f->room->streams->len, 1);
  /* The phone goes away. */
  g_io_stream_close (G_IO_STREAM (c), NULL, NULL);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (f->room->streams->len > 0 && g_get_monotonic_time () < end)
    {
      /* The server notices when it next writes: give it something to say. */
      cg_session_set_current_stage (f->session,
                                    cg_session_get_current_stage (f->session) == CG_STAGE_LESSON_1
                                      ? CG_STAGE_LESSON_2
                                      : CG_STAGE_LESSON_1);
      for (int i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  assert_int_equal (f->room->streams->len, 0);
}

/* 16 connections per address: the 17th is closed before a byte is read. */
static void
test_connection_limit (void **state)
{
  Fixture *f = *state;
  g_autoptr (GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autofree char *path = room_path (f, "/api/room");
  char buf[64];
  gssize n;

  for (int i = 0; i < 17; i++)
    {
      GSocketConnection *c = g_socket_client_connect_to_host (
        client, "127.0.0.1", cg_room_get_port (f->room), NULL, NULL);

      assert_non_null (c);
      g_ptr_array_add (open, c);
      /* Let the room accept it. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  {
    GSocket *last = g_socket_connection_get_socket (g_ptr_array_index (open, 16));

    g_socket_set_timeout (last, 5);
    n = g_socket_receive (last, buf, sizeof buf, NULL, NULL);
    assert_true (n <= 0);
  }
  /* Once they are gone, requests are served again: closed connections
   * stop counting, however many come and go. */
  g_ptr_array_set_size (open, 0);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  for (int i = 0; i < 40; i++)
    {
      g_autoptr (Reply) r = http (f, "GET", path, NULL, NULL);
      assert_int_equal (r->status, 200);
    }
}

/* The room listens only on the address it was given. */
static void
test_bind_and_addresses (void **state)
{
  g_autoptr (CgSession) session = cg_session_new ();
  g_autoptr (CgRoom) room = cg_room_new (session);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) addresses = cg_room_list_addresses ();

  assert_false (cg_room_open (room, "not an address", 0, &error));
  assert_false (cg_room_is_open (room));
  g_clear_error (&error);
  assert_true (cg_room_open (room, "127.0.0.1", 0, &error));
  assert_true (g_str_has_prefix (cg_room_get_url (room), "http://127.0.0.1:"));
  assert_true (g_str_has_suffix (cg_room_get_url (room), cg_room_get_key (room)));
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      g_autoptr (GSocketClient) client = g_socket_client_new ();
      g_autoptr (GSocketConnection) c = NULL;
      g_autoptr (GError) e = NULL;

      assert_string_not_equal (addresses[i], "127.0.0.1");
      if (strchr (addresses[i], ':') != NULL)
        continue;
      c = g_socket_client_connect_to_host (client, addresses[i], cg_room_get_port (room), NULL, &e);
      assert_null (c);
    }
  cg_room_close (room);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_stranger_gets_404, setup, teardown),
    cmocka_unit_test_setup_teardown (test_page_and_static, setup, teardown),
    cmocka_unit_test_setup_teardown (test_room_info_and_language, setup, teardown),
    cmocka_unit_test_setup_teardown (test_errors_translated, setup, teardown),
    cmocka_unit_test_setup_teardown (test_claim_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_seat_required, setup, teardown),
    cmocka_unit_test_setup_teardown (test_answer_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_answers_land_and_undo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_seq_ordering, setup, teardown),
    cmocka_unit_test_setup_teardown (test_sealing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_stage_kinds, setup, teardown),
    cmocka_unit_test_setup_teardown (test_not_found_page, setup, teardown),
    cmocka_unit_test_setup_teardown (test_seats_freed_and_left, setup, teardown),
    cmocka_unit_test_setup_teardown (test_removed_partner_frees_seat, setup, teardown),
    cmocka_unit_test_setup_teardown (test_wrong_keys_limited, setup, teardown),
    cmocka_unit_test_setup_teardown (test_answer_rate, setup, teardown),
    cmocka_unit_test_setup_teardown (test_event_stream, setup, teardown),
    cmocka_unit_test_setup_teardown (test_close_ends_streams, setup, teardown),
    cmocka_unit_test_setup_teardown (test_stream_client_leaves, setup, teardown),
    cmocka_unit_test_setup_teardown (test_connection_limit, setup, teardown),
    cmocka_unit_test (test_bind_and_addresses),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
