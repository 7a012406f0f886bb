/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-room-window: an answer from a phone, on screen (issue 15), for
 * build-aux/bench.
 *
 * The real application window with a workshop-size session (12 partners,
 * 30 statements in each lesson, answers not hidden), on lesson 1, the room
 * opened on 127.0.0.1 and the presentation view (F5) shown. A libsoup
 * client on a thread of this process plays the phones: it claims the 12
 * seats, then posts N_ANSWERS answers one after another, each to the
 * statement the projector shows (statement 1), the partners in turn, each
 * answer a new value for its cell so every one changes the grid and the
 * projector's chart. For each answer it times, from the moment the client
 * sends the POST:
 *   session  - the session's "changed" for that answer (the room applied it);
 *   cell     - the grid's cell showing the new value;
 *   main     - the end of the main window's next painted frame (frame
 *              clock after-paint, as bench-keys);
 *   present  - the end of the presentation window's next painted frame;
 *   mainpaint, presentpaint - that frame's own work (before-paint to
 *              after-paint), as bench-keys's "paint".
 * Prints "room_window_WHAT_ms MEDIAN P95 MAX" lines, the same in frames at
 * the frame clock's refresh rate ("..._frames"), and "refresh_ms". Target:
 * on screen in both windows within two frames. Needs a display
 * (build-aux/bench runs it under Xvfb).
 */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>

#include "cg-application.h"
#include "cg-presentation-window.h"
#include "cg-rating-grid.h"
#include "cg-grid-cell.h"
#include "cg-window.h"

#define N_PARTNERS 12
#define N_ITEMS 30
#define N_ANSWERS 200

/* The phones' side: one request at a time, handed over by the main thread. */
typedef struct
{
  char *path; /* under the join URL: "/api/claim" */
  char *body;
  char *seat; /* X-Seat, or NULL */
} Request;

typedef struct
{
  guint status;
  char *body;
} Reply;

static GAsyncQueue *requests, *replies;
static char *join_url;
static GMutex sent_lock;
static gint64 sent_at;

static gboolean main_painted, present_painted;
static gint64 main_paint_end, present_paint_end;
static gint64 main_paint_start, present_paint_start;
static gboolean counting; /* after-paint counts only after the change */

static void
request_free (Request *r)
{
  g_free (r->path);
  g_free (r->body);
  g_free (r->seat);
  g_free (r);
}

static gpointer
client_thread (gpointer data)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (SoupSession) soup = NULL;

  /* The thread's own context: libsoup's sync calls never touch the main one. */
  g_main_context_push_thread_default (context);
  soup = soup_session_new ();
  for (;;)
    {
      Request *r = g_async_queue_pop (requests);
      g_autofree char *uri = NULL;
      g_autoptr (SoupMessage) msg = NULL;
      g_autoptr (GBytes) body = NULL, answer = NULL;
      g_autoptr (GError) error = NULL;
      Reply *reply = g_new0 (Reply, 1);

      if (r->path == NULL)
        {
          request_free (r);
          break;
        }
      uri = g_strconcat (join_url, r->path, NULL);
      msg = soup_message_new ("POST", uri);
      body = g_bytes_new (r->body, strlen (r->body));
      soup_message_set_request_body_from_bytes (msg, "application/json", body);
      if (r->seat != NULL)
        soup_message_headers_append (soup_message_get_request_headers (msg), "X-Seat", r->seat);
      g_mutex_lock (&sent_lock);
      sent_at = g_get_monotonic_time ();
      g_mutex_unlock (&sent_lock);
      answer = soup_session_send_and_read (soup, msg, NULL, &error);
      if (answer == NULL)
        g_error ("POST %s: %s", r->path, error->message);
      reply->status = soup_message_get_status (msg);
      reply->body = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
      request_free (r);
      g_async_queue_push (replies, reply);
      g_main_context_wakeup (NULL);
    }
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
send_request (const char *path,
              char       *body,
              const char *seat)
{
  Request *r = g_new0 (Request, 1);

  r->path = g_strdup (path);
  r->body = body;
  r->seat = g_strdup (seat);
  g_async_queue_push (requests, r);
}

/* Runs the main context (which serves the room) until the reply is in. */
static Reply *
wait_reply (void)
{
  Reply *reply;

  while ((reply = g_async_queue_try_pop (replies)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  return reply;
}

static void
reply_free (Reply *reply)
{
  g_free (reply->body);
  g_free (reply);
}

/* Frames --------------------------------------------------------------- */

/* before-paint is noted for every frame; the one that counts is the one
 * whose after-paint comes first after the change. */
static void
main_before_paint (GdkFrameClock *clock,
                   gpointer       data)
{
  if (!main_painted)
    main_paint_start = g_get_monotonic_time ();
}

static void
main_after_paint (GdkFrameClock *clock,
                  gpointer       data)
{
  if (counting && !main_painted)
    {
      main_paint_end = g_get_monotonic_time ();
      main_painted = TRUE;
    }
}

static void
present_before_paint (GdkFrameClock *clock,
                      gpointer       data)
{
  if (!present_painted)
    present_paint_start = g_get_monotonic_time ();
}

static void
present_after_paint (GdkFrameClock *clock,
                     gpointer       data)
{
  if (counting && !present_painted)
    {
      present_paint_end = g_get_monotonic_time ();
      present_painted = TRUE;
    }
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets both windows paint whatever is pending, so the next frame counted
 * is the answer's. */
static void
settle (GtkWidget *window,
        GtkWidget *present)
{
  counting = TRUE;
  main_painted = present_painted = FALSE;
  gtk_widget_queue_draw (window);
  gtk_widget_queue_draw (present);
  while (!main_painted || !present_painted)
    g_main_context_iteration (NULL, TRUE);
  counting = FALSE;
  drain ();
}

/* The answer under way ----------------------------------------------------- */

static struct
{
  guint partner, item;
  gboolean changed;
  gint64 changed_at;
} pending;

static void
on_session_changed (CgSession   *session,
                    CgChangeKind kind,
                    guint        a,
                    guint        b,
                    gpointer     data)
{
  if (kind != CG_CHANGE_RATING || a != pending.partner || b != pending.item || pending.changed)
    return;
  pending.changed = TRUE;
  pending.changed_at = g_get_monotonic_time ();
  /* Frames from here on show the answer (or are the one that will). */
  counting = TRUE;
  main_painted = present_painted = FALSE;
}

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        double     *ms,
        guint       n,
        double      refresh_ms)
{
  qsort (ms, n, sizeof *ms, compare);
  printf ("room_window_%s_ms %.3f %.3f %.3f\n", what, ms[n / 2], ms[(n * 95) / 100], ms[n - 1]);
  printf ("room_window_%s_frames %.2f %.2f %.2f\n", what, ms[n / 2] / refresh_ms,
          ms[(n * 95) / 100] / refresh_ms, ms[n - 1] / refresh_ms);
}

static CgSession *
workshop (void)
{
  CgSession *session = cg_session_new ();

  cg_session_set_detail (session, CG_DETAIL_TITLE, "Room benchmark");
  for (guint i = 0; i < N_PARTNERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %c%u", 'A' + i, i + 1);

      cg_session_add_partner (session, name, "Organisation", "Role");
    }
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *statement = g_strdup_printf ("We agree on statement number %u", i + 1);
      g_autofree char *task = g_strdup_printf ("Carry out task number %u", i + 1);

      for (guint lesson = 0; lesson < CG_N_LESSONS; lesson++)
        cg_session_add_statement (session, lesson, statement);
      cg_session_add_aim (session, statement);
      cg_session_add_task (session, task);
    }
  /* Shown as they come: the grid shows the value, the projector its chart. */
  cg_session_set_answers_hidden (session, FALSE);
  cg_session_clear_history (session);
  cg_session_set_unmodified (session);
  return session;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  g_autoptr (GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, root);
  for (guint i = 0; i < queue->len; i++)
    {
      GtkWidget *w = queue->pdata[i];

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (queue, c);
    }
  return NULL;
}

/* The cell looked up each time: a grid may build its cells again. */
static gboolean
cell_shows (GtkWidget  *grid,
            guint       column,
            const char *text)
{
  GtkWidget *cell = cg_rating_grid_get_cell (CG_RATING_GRID (grid), 0, column);

  return cell != NULL && g_strcmp0 (cg_grid_cell_get_text (CG_GRID_CELL (cell)), text) == 0;
}

/* Wakes the main loop now and then, so a frame that never comes is an
 * error, not a hang. */
static gboolean
keep_awake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static char *
claim (guint partner_id)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  Reply *reply;
  char *seat;

  send_request ("/api/claim", g_strdup_printf ("{\"partner\": \"p%u\"}", partner_id), NULL);
  reply = wait_reply ();
  if (reply->status != 200 || !json_parser_load_from_data (parser, reply->body, -1, NULL))
    g_error ("claim p%u: %u %s", partner_id, reply->status, reply->body);
  seat = g_strdup (
    json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "seat"));
  reply_free (reply);
  return seat;
}

static gboolean
bench (gpointer app)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autoptr (CgSession) session = workshop ();
  g_autoptr (GError) error = NULL;
  double session_ms[N_ANSWERS], cell_ms[N_ANSWERS], main_ms[N_ANSWERS], present_ms[N_ANSWERS];
  double main_paint_ms[N_ANSWERS], present_paint_ms[N_ANSWERS];
  char *seats[N_PARTNERS];
  GtkWidget *present, *grid;
  GdkFrameClock *clock;
  GThread *thread;
  CgRoom *room;
  gint64 refresh = 0;
  double refresh_ms;
  guint item;

  if (!CG_IS_WINDOW (window))
    g_error ("no Common Ground window");
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  cg_window_set_session (CG_WINDOW (window), session);
  cg_window_set_stage (CG_WINDOW (window), CG_STAGE_LESSON_1);
  grid =
    find_type (cg_window_get_page (CG_WINDOW (window), CG_STAGE_LESSON_1), CG_TYPE_RATING_GRID);
  if (grid == NULL)
    g_error ("no rating grid on lesson 1");

  room = cg_window_get_room (CG_WINDOW (window));
  if (!cg_room_open (room, "127.0.0.1", 0, &error))
    g_error ("the room did not open: %s", error->message);
  join_url = g_strdup (cg_room_get_url (room));

  gtk_widget_activate_action (window, "win.present", NULL);
  present = GTK_WIDGET (cg_window_get_presentation (CG_WINDOW (window)));
  if (present == NULL)
    g_error ("no presentation view");
  while (!gtk_widget_get_mapped (present))
    g_main_context_iteration (NULL, TRUE);
  if (cg_presentation_window_get_stage (CG_PRESENTATION_WINDOW (present)) != CG_STAGE_LESSON_1 ||
      cg_presentation_window_get_item (CG_PRESENTATION_WINDOW (present)) != 0)
    g_error ("the projector does not show statement 1.1");
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (main_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (main_after_paint), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (present), "before-paint",
                    G_CALLBACK (present_before_paint), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (present), "after-paint",
                    G_CALLBACK (present_after_paint), NULL);
  g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), NULL);

  requests = g_async_queue_new ();
  replies = g_async_queue_new ();
  thread = g_thread_new ("phones", client_thread, NULL);
  for (guint p = 0; p < N_PARTNERS; p++)
    seats[p] = claim (cg_session_get_partner (session, p)->id);
  settle (window, present);

  item = cg_session_get_statement (session, 0, 0)->id;
  for (guint k = 0; k < N_ANSWERS; k++)
    {
      guint column = k % N_PARTNERS;
      /* 1, 2, ... 5, 1: a new value for the cell every time round. */
      CgRating value = (k / N_PARTNERS) % CG_RATING_MAX + 1;
      g_autofree char *text = g_strdup_printf ("%d", value);
      gint64 cell_at = 0, start, deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      guint wake = g_timeout_add (100, keep_awake, NULL);
      Reply *reply;

      pending.partner = cg_session_get_partner (session, column)->id;
      pending.item = item;
      pending.changed = FALSE;
      counting = FALSE;
      send_request (
        "/api/answer",
        g_strdup_printf ("{\"item\": \"s%u\", \"value\": %d, \"seq\": %u}", item, value, k + 1),
        seats[column]);
      while (!pending.changed || cell_at == 0 || !main_painted || !present_painted)
        {
          g_main_context_iteration (NULL, TRUE);
          if (pending.changed && cell_at == 0 && cell_shows (grid, column, text))
            cell_at = g_get_monotonic_time ();
          if (g_get_monotonic_time () > deadline)
            g_error (
              "answer %u: not on screen after 5 s (session %d, cell %d, main %d, present %d)", k,
              pending.changed, cell_at != 0, main_painted, present_painted);
        }
      g_source_remove (wake);
      reply = wait_reply ();
      if (reply->status != 200)
        g_error ("answer %u: %u %s", k, reply->status, reply->body);
      reply_free (reply);
      if (cg_session_get_rating (session, pending.partner, item) != value)
        g_error ("answer %u did not land", k);
      g_mutex_lock (&sent_lock);
      start = sent_at;
      g_mutex_unlock (&sent_lock);
      session_ms[k] = (pending.changed_at - start) / 1000.0;
      cell_ms[k] = (cell_at - start) / 1000.0;
      main_ms[k] = (main_paint_end - start) / 1000.0;
      present_ms[k] = (present_paint_end - start) / 1000.0;
      main_paint_ms[k] = (main_paint_end - main_paint_start) / 1000.0;
      present_paint_ms[k] = (present_paint_end - present_paint_start) / 1000.0;
      counting = FALSE;
      drain ();
    }

  gdk_frame_clock_get_refresh_info (clock, gdk_frame_clock_get_frame_time (clock), &refresh, NULL);
  refresh_ms = refresh > 0 ? refresh / 1000.0 : 1000.0 / 60;
  printf ("refresh_ms %.3f\n", refresh_ms);
  report ("session", session_ms, N_ANSWERS, refresh_ms);
  report ("cell", cell_ms, N_ANSWERS, refresh_ms);
  report ("main", main_ms, N_ANSWERS, refresh_ms);
  report ("present", present_ms, N_ANSWERS, refresh_ms);
  report ("mainpaint", main_paint_ms, N_ANSWERS, refresh_ms);
  report ("presentpaint", present_paint_ms, N_ANSWERS, refresh_ms);
  fflush (stdout);

  g_async_queue_push (requests, g_new0 (Request, 1));
  g_thread_join (thread);
  for (guint p = 0; p < N_PARTNERS; p++)
    g_free (seats[p]);
  cg_room_close (room);
  cg_session_set_unmodified (session);
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
activated (GApplication *app)
{
  g_idle_add (bench, app);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (CgApplication) app = NULL;

  /* No recovery offer from earlier drafts, no settings written. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  app = cg_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
