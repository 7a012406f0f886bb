/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The room from the facilitator's side: opened through the header bar's
 * Room button, answers posted over real HTTP by a libsoup client (as a
 * phone would: claim a seat, then answer) land in the grid and in the
 * presentation view's "answered" count; the code on the projector decodes
 * (zbarimg) to exactly the join URL; Lock, Free Seat, Close, a new session
 * and closing the window each do what they say. Runs under xvfb-run at
 * 1920x1080, so the presentation view has a projector's size. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <libsoup/soup.h>

#include "app-test-util.h"
#include "cg-chart-widget.h"
#include "cg-grid-cell.h"
#include "cg-presentation-window.h"
#include "cg-qr-widget.h"
#include "cg-room-popover.h"
#include "cg-window.h"

typedef struct
{
  CgSession *session;
  CgWindow *window;
  SoupSession *client;
  guint partners[3];
  guint statements[2];
  guint lesson2;
} Fixture;

static const char *const names[] = { "Ana Lopez", "Ben Okoro", "Cy Wren" };

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Under the window manager the new window appears under the pointer, and
 * GTK starts a tooltip timer for whatever is there; a window destroyed
 * before it fires left the timer a dead surface (a Gdk-CRITICAL, fatal
 * here). Half a second of main loop lets it run out first. */
static void
settle (void)
{
  cg_test_wait_for (never, NULL, 700);
}

/* Three partners; lesson 1 has two statements and nobody has answered;
 * answers are hidden until Reveal on every stage. */
static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->session = cg_session_new ();
  for (guint i = 0; i < 3; i++)
    f->partners[i] = cg_session_add_partner (f->session, names[i], "Org", "");
  f->statements[0] = cg_session_add_statement (f->session, 0, "We share one clear purpose");
  f->statements[1] = cg_session_add_statement (f->session, 0, "Leadership is accepted");
  f->lesson2 = cg_session_add_statement (f->session, 1, "Users have a say");
  cg_session_set_answers_hidden (f->session, TRUE);
  cg_session_clear_history (f->session);
  cg_session_set_unmodified (f->session);
  f->window = cg_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  cg_window_set_session (f->window, f->session);
  cg_window_set_stage (f->window, CG_STAGE_LESSON_1);
  gtk_window_present (GTK_WINDOW (f->window));
  f->client = soup_session_new ();
  settle ();
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_object_unref (f->client);
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  cg_test_iterate ();
  g_object_unref (f->session);
  g_free (f);
  return 0;
}

/* HTTP, as a phone ------------------------------------------------------- */

typedef struct
{
  gboolean done;
  GBytes *body;
  GError *error;
} Sent;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Sent *sent = user_data;

  sent->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &sent->error);
  sent->done = TRUE;
}

/* POSTs @json to @url (with the seat token when given); returns the status,
 * 0 with @error set when no connection was made. @body_out gets the body. */
static guint
post (Fixture    *f,
      const char *url,
      const char *seat,
      const char *json,
      char      **body_out,
      GError    **error)
{
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr (GBytes) bytes = g_bytes_new (json, strlen (json));
  Sent sent = { 0 };

  assert_non_null (msg);
  if (seat != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Seat", seat);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_session_send_and_read_async (f->client, msg, G_PRIORITY_DEFAULT, NULL, on_sent, &sent);
  while (!sent.done)
    g_main_context_iteration (NULL, TRUE);
  if (sent.error != NULL)
    {
      g_propagate_error (error, sent.error);
      return 0;
    }
  if (body_out != NULL)
    *body_out = g_strndup (g_bytes_get_data (sent.body, NULL), g_bytes_get_size (sent.body));
  g_bytes_unref (sent.body);
  return soup_message_get_status (msg);
}

static char *
api_url (CgRoom     *room,
         const char *rest)
{
  return g_strconcat (cg_room_get_url (room), "/api/", rest, NULL);
}

/* Claims partner @index's seat; returns the seat token. */
static char *
claim (Fixture *f,
       CgRoom  *room,
       guint    index)
{
  g_autofree char *url = api_url (room, "claim");
  g_autofree char *json = g_strdup_printf ("{\"partner\": \"p%u\"}", f->partners[index]);
  g_autofree char *body = NULL;
  g_autoptr (GError) error = NULL;
  guint status = post (f, url, NULL, json, &body, &error);
  const char *seat, *end;

  assert_null (error);
  if (status != 200)
    fail_msg ("claim: %u %s", status, body);
  /* {"seat": "TOKEN", ...}: the token is base64url, no quotes inside. */
  seat = strstr (body, "\"seat\"");
  assert_non_null (seat);
  seat = strchr (seat + 6, '"') + 1;
  end = strchr (seat, '"');
  return g_strndup (seat, end - seat);
}

static void
answer (Fixture    *f,
        CgRoom     *room,
        const char *seat,
        guint       item,
        int         value)
{
  g_autofree char *url = api_url (room, "answer");
  g_autofree char *json = g_strdup_printf ("{\"item\": \"s%u\", \"value\": %d}", item, value);
  g_autofree char *body = NULL;
  guint status = post (f, url, seat, json, &body, NULL);

  if (status != 200)
    fail_msg ("answer %s: %u %s", json, status, body);
}

/* Nothing listens any more: the port is closed, not just refusing. */
static void
assert_refused (Fixture    *f,
                const char *url)
{
  g_autoptr (GError) error = NULL;
  guint status = post (f, url, NULL, "{}", NULL, &error);

  assert_int_equal (status, 0);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    fail_msg ("expected connection refused, got %s", error->message);
}

/* The window's controls ---------------------------------------------------- */

static GtkWidget *
room_button (Fixture *f)
{
  GtkWidget *label = cg_test_find (GTK_WIDGET (f->window), GTK_TYPE_LABEL, "Room");

  assert_non_null (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_MENU_BUTTON);
}

static GtkWidget *
open_popover (Fixture *f)
{
  GtkWidget *button = room_button (f);
  GtkWidget *popover;

  assert_non_null (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  cg_test_iterate ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  assert_true (CG_IS_ROOM_POPOVER (popover));
  assert_true (gtk_widget_get_mapped (popover));
  return popover;
}

static void
click (GtkWidget  *root,
       const char *text)
{
  GtkWidget *button = cg_test_find (root, GTK_TYPE_BUTTON, text);

  if (button == NULL)
    fail_msg ("no button “%s”", text);
  assert_true (gtk_widget_get_sensitive (button));
  assert_true (gtk_widget_get_visible (button));
  /* "clicked" at once: activate would wait for the press animation. */
  g_signal_emit_by_name (button, "clicked");
  cg_test_iterate ();
}

static CgPresentationWindow *
open_presentation (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  cg_test_iterate ();
  assert_non_null (cg_window_get_presentation (f->window));
  return CG_PRESENTATION_WINDOW (cg_window_get_presentation (f->window));
}

/* The grid cell of statement @row for partner @column on the page shown. */
static GtkWidget *
find_cell (GtkWidget *root,
           guint      row,
           guint      column)
{
  if (CG_IS_GRID_CELL (root) && cg_grid_cell_get_row (CG_GRID_CELL (root)) == row &&
      cg_grid_cell_get_column (CG_GRID_CELL (root)) == column)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_cell (c, row, column);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
visible (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_mapped (widget);
}

/* Tests -------------------------------------------------------------------- */

/* The whole path: open through the button, a phone claims and answers,
 * the facilitator sees it everywhere; Lock, Free Seat, Close. */
static void
test_open_answer_close (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *view = open_presentation (f);
  GtkWidget *popover, *answered, *qr, *cell;
  g_autoptr (CgRoom) room = NULL;
  g_autofree char *seat = NULL;
  g_autofree char *claim_url = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;

  /* Nothing opens by itself. */
  room = g_object_ref (cg_window_get_room (f->window));
  assert_false (cg_room_is_open (room));
  assert_false (visible (cg_presentation_window_get_join_qr (view)));

  popover = open_popover (f);
  click (popover, "Open the Room");
  assert_true (cg_room_is_open (room));
  url = g_strdup (cg_room_get_url (room));
  assert_true (g_str_has_prefix (url, "http://"));
  assert_non_null (cg_test_find (popover, GTK_TYPE_LABEL, url));
  assert_non_null (cg_test_find (
    popover, GTK_TYPE_LABEL, "Use a network with a password, or turn on this laptop's hotspot."));
  assert_non_null (cg_test_find (popover, GTK_TYPE_LABEL, "Not joined"));

  /* Nobody has answered lesson 1: the projector shows how to join. */
  cg_test_iterate ();
  qr = cg_presentation_window_get_join_qr (view);
  answered = cg_presentation_window_get_answered_label (view);
  assert_true (visible (qr));
  assert_string_equal (cg_qr_widget_get_text (CG_QR_WIDGET (qr)), url);
  assert_false (visible (answered));

  /* A phone: Ana claims her seat and rates the first statement 4. */
  seat = claim (f, room, 0);
  answer (f, room, seat, f->statements[0], 4);
  cg_test_iterate ();
  assert_int_equal (cg_session_get_rating (f->session, f->partners[0], f->statements[0]),
                    CG_RATING_4);
  /* In the grid: hidden until Reveal, so filled, not the value. */
  cell = find_cell (cg_window_get_page (f->window, CG_STAGE_LESSON_1), 0, 0);
  assert_non_null (cell);
  assert_string_equal (cg_grid_cell_get_text (CG_GRID_CELL (cell)), "●");
  /* On the projector: a count of people, and the code gives way. */
  assert_true (visible (answered));
  assert_string_equal (gtk_label_get_text (GTK_LABEL (answered)), "1 of 3 has answered");
  assert_false (visible (qr));
  /* Ana's 4 itself stays sealed on the projector until Reveal. */
  {
    GtkWidget *chart =
      cg_test_find (cg_presentation_window_get_content (view), CG_TYPE_CHART_WIDGET, NULL);

    assert_non_null (chart);
    assert_true (g_str_has_suffix (cg_chart_widget_get_description (CG_CHART_WIDGET (chart)),
                                   "Answers are hidden until you reveal them on that stage."));
  }

  /* Revealed, the grid shows Ana's 4. */
  cg_session_set_revealed (f->session, CG_STAGE_LESSON_1, TRUE);
  cg_test_iterate ();
  cell = find_cell (cg_window_get_page (f->window, CG_STAGE_LESSON_1), 0, 0);
  assert_string_equal (cg_grid_cell_get_text (CG_GRID_CELL (cell)), "4");

  /* Ben joins and answers too: "2 of 3 have answered". */
  {
    g_autofree char *ben = claim (f, room, 1);

    answer (f, room, ben, f->statements[1], 2);
    cg_test_iterate ();
    assert_string_equal (gtk_label_get_text (GTK_LABEL (answered)), "2 of 3 have answered");
  }

  /* The seat list names who joined; Free Seat frees Ana's. */
  cg_test_iterate ();
  assert_null (cg_test_find (popover, GTK_TYPE_BUTTON, "Free the seat of Cy Wren"));
  click (popover, "Free the seat of Ana Lopez");
  {
    g_autoptr (GPtrArray) seats = cg_room_dup_seats (room);

    assert_int_equal (seats->len, 1);
  }
  /* Her old token is no longer a seat. */
  {
    g_autofree char *answer_url = api_url (room, "answer");

    assert_int_equal (post (f, answer_url, seat, "{\"item\": \"s1\", \"value\": 1}", NULL, NULL),
                      401);
  }

  /* Locked: no new phone may join (423), and the switch says so. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.room-lock", NULL);
  cg_test_iterate ();
  assert_true (cg_room_get_locked (room));
  assert_true (gtk_switch_get_active (GTK_SWITCH (cg_test_find (popover, GTK_TYPE_SWITCH, NULL))));
  assert_non_null (cg_test_find (popover, GTK_TYPE_LABEL, "Locked: no new phones can join"));
  claim_url = api_url (room, "claim");
  assert_int_equal (post (f, claim_url, NULL, "{\"partner\": \"p3\"}", &body, NULL), 423);

  /* Close: the port is gone, and the projector forgets the room. */
  click (popover, "Close the Room");
  assert_false (cg_room_is_open (room));
  assert_refused (f, claim_url);
  assert_false (visible (answered));
  assert_false (visible (qr));
  assert_true (visible (cg_test_find (popover, GTK_TYPE_BUTTON, "Open the Room")));
}

static gboolean
window_gone (gpointer data)
{
  Fixture *f = data;

  return f->window == NULL;
}

/* Closing the window closes its room. */
static void
test_window_close (void **state)
{
  Fixture *f = *state;
  g_autoptr (CgRoom) room = NULL;
  g_autofree char *url = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.room-open", NULL);
  room = g_object_ref (cg_window_get_room (f->window));
  assert_true (cg_room_is_open (room));
  url = api_url (room, "claim");
  gtk_window_close (GTK_WINDOW (f->window));
  assert_true (cg_test_wait_for (window_gone, f, 2000));
  assert_false (cg_room_is_open (room));
  assert_refused (f, url);
}

/* Another session in the window (New, Open) closes the room, and the new
 * session's room stays closed until the facilitator opens it. */
static void
test_new_session (void **state)
{
  Fixture *f = *state;
  g_autoptr (CgSession) other = cg_session_new ();
  g_autoptr (CgRoom) room = NULL;
  g_autofree char *url = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.room-open", NULL);
  room = g_object_ref (cg_window_get_room (f->window));
  assert_true (cg_room_is_open (room));
  url = api_url (room, "claim");
  cg_window_set_session (f->window, other);
  cg_test_iterate ();
  assert_false (cg_room_is_open (room));
  assert_refused (f, url);
  assert_true (cg_window_get_room (f->window) != room);
  assert_true (cg_room_get_session (cg_window_get_room (f->window)) == other);
  assert_false (cg_room_is_open (cg_window_get_room (f->window)));
}

/* The network chooser: the first non-loopback address by default, the
 * facilitator's choice kept when the popover opens again, and the room
 * opens there; with no network, 127.0.0.1 and a sentence saying so. */
static void
test_address_choice (void **state)
{
  Fixture *f = *state;
  g_auto (GStrv) addresses = cg_room_list_addresses ();
  guint n = g_strv_length (addresses);
  GtkWidget *popover = open_popover (f);
  CgRoomPopover *room_popover = CG_ROOM_POPOVER (popover);
  GtkWidget *dropdown = cg_test_find (popover, GTK_TYPE_DROP_DOWN, NULL);
  GtkWidget *note = cg_test_find (popover, GTK_TYPE_LABEL,
                                  "No network found, so only this laptop can reach the room "
                                  "(127.0.0.1). Connect to a network or turn on this laptop's "
                                  "hotspot, then open the room again.");
  const char *expected = n > 0 ? addresses[MIN (n, 2) - 1] : "127.0.0.1";
  CgRoom *room = cg_window_get_room (f->window);

  assert_non_null (dropdown);
  assert_non_null (note);
  assert_int_equal (visible (dropdown), n > 1);
  assert_int_equal (visible (note), n == 0);
  assert_string_equal (cg_room_popover_get_address (room_popover),
                       n > 0 ? addresses[0] : "127.0.0.1");
  if (n > 1)
    {
      /* The second network, chosen; the popover closed and opened again. */
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
      gtk_popover_popdown (GTK_POPOVER (popover));
      cg_test_iterate ();
      popover = open_popover (f);
    }
  assert_string_equal (cg_room_popover_get_address (room_popover), expected);
  click (popover, "Open the Room");
  assert_true (cg_room_is_open (room));
  assert_non_null (strstr (cg_room_get_url (room), expected));
  /* Open, the choice is made: the chooser goes. */
  assert_false (visible (dropdown));
}

/* What zbarimg reads in @path. */
static char *
decode (const char *path)
{
  const char *argv[] = {
    "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path, NULL
  };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    fail_msg ("zbarimg (zbar-tools, build-aux/packages.txt): %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  g_strchomp (out);
  return g_steal_pointer (&out);
}

/* The presentation window as the projector shows it, to a PNG. */
static void
screenshot (GtkWidget  *widget,
            const char *path)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  assert_non_null (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
qr_drawn (gpointer data)
{
  return cg_qr_widget_get_drawn_module_size (data) > 0;
}

static gboolean
presentation_big (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) >= 1000 &&
         cg_presentation_window_get_base_px (data) >= 28;
}

/* The projector's code, photographed: zbarimg reads exactly the join URL;
 * each module is at least 8 pixels. */
static void
test_projector_qr_decodes (void **state)
{
  Fixture *f = *state;
  CgPresentationWindow *view;
  GtkWidget *qr;
  CgRoom *room;
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", "room-projector.png", NULL);
  g_autofree char *text = NULL;

  /* Lesson 2: nobody has answered there. */
  cg_window_set_stage (f->window, CG_STAGE_LESSON_2);
  view = open_presentation (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.room-open", NULL);
  room = cg_window_get_room (f->window);
  assert_true (cg_room_is_open (room));
  assert_true (cg_test_wait_for (presentation_big, view, 3000));
  cg_test_iterate ();
  qr = cg_presentation_window_get_join_qr (view);
  assert_true (visible (qr));
  /* Drawn at least once at its final size. */
  assert_true (cg_test_wait_for (qr_drawn, qr, 3000));
  screenshot (GTK_WIDGET (view), path);
  assert_true (cg_qr_widget_get_drawn_module_size (CG_QR_WIDGET (qr)) >= 8);
  text = decode (path);
  assert_non_null (text);
  assert_string_equal (text, cg_room_get_url (room));
  /* The grouped key is there for typing. */
  {
    g_autofree char *key = cg_room_format_key (cg_room_get_key (room));
    g_autofree char *line = g_strdup_printf ("Room key: %s", key);

    assert_non_null (cg_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, line));
    assert_non_null (cg_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, cg_room_get_url (room)));
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_open_answer_close, setup, teardown),
    cmocka_unit_test_setup_teardown (test_window_close, setup, teardown),
    cmocka_unit_test_setup_teardown (test_new_session, setup, teardown),
    cmocka_unit_test_setup_teardown (test_projector_qr_decodes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_address_choice, setup, teardown),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}
