/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-serve.c: common-ground --serve FILE [--bind ADDR] [--port N]
 *
 * The room without a window (tests, benchmarks, a laptop with no display):
 * opens the room on FILE, prints one line "Room open: URL" on stdout, and
 * writes answers back to FILE with the app's own atomic save, a second
 * after the first unsaved answer (so always within two) and once more on
 * SIGINT or SIGTERM, after the room has closed and told the phones so,
 * then exits 0. Nothing else ever opens a room.
 */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cg-cli.h"
#include "cg-room.h"
#include "cg-session-xml.h"

#define DEFAULT_PORT 8421
#define SAVE_DELAY_MS 1000
#define FLUSH_LIMIT_MS 1000

typedef struct
{
  CgSession *session;
  GFile *file;
  GMainLoop *loop;
  guint save_source;
  gboolean saving; /* an asynchronous save is writing */
  gboolean save_failed;
} Serve;

static void
report_save_error (Serve        *serve,
                   const GError *error)
{
  g_autofree char *path = g_file_get_parse_name (serve->file);

  g_printerr ("%s: %s\n", path, error->message);
  serve->save_failed = TRUE;
}

static void schedule_save (Serve *serve);

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Serve *serve = user_data;
  g_autoptr (GError) error = NULL;

  serve->saving = FALSE;
  if (!cg_session_xml_save_file_finish (serve->session, result, &error))
    report_save_error (serve, error);
  /* Answers that arrived while it wrote wait for the next save. */
  else if (cg_session_get_modified (serve->session))
    schedule_save (serve);
}

/* The app's own save: serialised here, written atomically in a thread, so
 * the room keeps answering while the disk works. */
static void
save_async (Serve *serve)
{
  if (serve->saving || !cg_session_get_modified (serve->session))
    return;
  serve->saving = TRUE;
  cg_session_xml_save_file_async (serve->session, serve->file, TRUE, NULL, on_saved, serve);
}

/* The last save, on the way out: after any save still writing. */
static gboolean
save_now (Serve *serve)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&serve->save_source, g_source_remove);
  while (serve->saving)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&serve->save_source, g_source_remove);
  if (!cg_session_get_modified (serve->session))
    return TRUE;
  /* The etag check stops us overwriting a file someone changed since. */
  if (!cg_session_xml_save_file (serve->session, serve->file, TRUE, NULL, &error))
    {
      report_save_error (serve, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_save_timeout (gpointer user_data)
{
  Serve *serve = user_data;

  serve->save_source = 0;
  save_async (serve);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (Serve *serve)
{
  /* Not pushed back by later answers: the first one waits at most a second. */
  if (serve->save_source == 0)
    serve->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout, serve);
}

static void
on_changed (CgSession   *session,
            CgChangeKind kind,
            guint        a,
            guint        b,
            Serve       *serve)
{
  schedule_save (serve);
}

static gboolean
on_signal (gpointer user_data)
{
  g_main_loop_quit (((Serve *) user_data)->loop);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_flush_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Closes the room and lets "room-closed" reach the phones before the
 * process ends: without this the event was queued but never written, and
 * phones said "No connection" instead of "The room has closed". A phone
 * that does not read gets at most FLUSH_LIMIT_MS. */
static void
close_room (CgRoom *room)
{
  gboolean timed_out = FALSE;
  guint timeout;

  cg_room_close (room);
  if (!cg_room_is_flushing (room))
    return;
  timeout = g_timeout_add (FLUSH_LIMIT_MS, on_flush_timeout, &timed_out);
  while (cg_room_is_flushing (room) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
}

static gboolean
parse_args (int          argc,
            char       **argv,
            const char **path,
            const char **bind,
            guint       *port)
{
  for (int i = 1; i < argc; i++)
    {
      const char *value = NULL;
      gboolean is_bind = g_str_has_prefix (argv[i], "--bind");
      gboolean is_port = g_str_has_prefix (argv[i], "--port");

      if (is_bind || is_port)
        {
          const char *eq = strchr (argv[i], '=');

          if (eq != NULL && eq - argv[i] == 6)
            value = eq + 1;
          else if (argv[i][6] == '\0' && i + 1 < argc)
            value = argv[++i];
          else
            return FALSE;
          if (is_bind)
            *bind = value;
          else
            {
              guint64 n;

              if (!g_ascii_string_to_unsigned (value, 10, 0, 65535, &n, NULL))
                return FALSE;
              *port = (guint) n;
            }
        }
      else if (*path == NULL && argv[i][0] != '-')
        *path = argv[i];
      else
        return FALSE;
    }
  return *path != NULL;
}

int
cg_cli_serve (int    argc,
              char **argv)
{
  const char *path = NULL, *bind = "127.0.0.1";
  guint port = DEFAULT_PORT;
  g_autoptr (GFile) file = NULL;
  g_autoptr (CgSession) session = NULL;
  g_autoptr (CgRoom) room = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  Serve serve = { 0 };
  guint sigint, sigterm;

  if (argv[0][strlen ("--serve")] == '=')
    path = argv[0] + strlen ("--serve=");
  if (!parse_args (argc, argv, &path, &bind, &port))
    {
      g_printerr ("%s\n", _("Usage: common-ground --serve FILE [--bind ADDRESS] [--port N]"));
      return 2;
    }
  file = g_file_new_for_commandline_arg (path);
  session = cg_session_xml_load_file (file, NULL, &error);
  if (session == NULL)
    {
      cg_cli_print_load_error (path, error);
      return 1;
    }
  room = cg_room_new (session);
  if (!cg_room_open (room, bind, port, &error))
    {
      g_printerr (_("Could not open the room on %s: %s\n"), bind, error->message);
      return 1;
    }
  loop = g_main_loop_new (NULL, FALSE);
  serve = (Serve){ session, file, loop, 0, FALSE, FALSE };
  g_signal_connect (session, "changed", G_CALLBACK (on_changed), &serve);
  sigint = g_unix_signal_add (SIGINT, on_signal, &serve);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, &serve);
  /* Not translated: scripts read this line. */
  printf ("Room open: %s\n", cg_room_get_url (room));
  fflush (stdout);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  close_room (room);
  save_now (&serve);
  g_signal_handlers_disconnect_by_data (session, &serve);
  return serve.save_failed ? 1 : 0;
}
