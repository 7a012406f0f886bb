/* SPDX-License-Identifier: GPL-3.0-or-later */
/* room-driver: the facilitator's side of the room for the browser tests.
 *
 *   room-driver FILE
 *
 * Loads FILE, opens the real CgRoom on 127.0.0.1 (any free port), prints
 * "Room open: URL" and then obeys one command a line on stdin, answering
 * "ok" (or "error: ...") when it is done, so a test knows the change has
 * happened before it looks at the phone:
 *
 *   stage ID        the facilitator goes to stage ID ("lesson-1", "aims", "roles", "review")
 *   hide | show     answers hidden until Reveal, or not
 *   reveal ID       Reveal on stage ID
 *   unreveal ID     takes Reveal back on stage ID (a test's next round starts sealed)
 *   free PARTNER    frees PARTNER's seat
 *   lock | unlock   the room takes no more phones, or does again
 *   close           closes the room
 *   reopen          closes it and opens it again on the same port (a new key;
 *                   prints the new "Room open: URL" line before "ok")
 *   save            saves the session to FILE
 *   quit            saves and exits (so does end of input)
 *
 * The app's own window does all of this through the same calls; the test
 * drives them here because `common-ground --serve` has no facilitator. */
#define G_LOG_DOMAIN "room-driver"
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cg-room.h"
#include "cg-session-xml.h"

typedef struct
{
  CgSession *session;
  CgRoom *room;
  GFile *file;
  GMainLoop *loop;
} Driver;

static gboolean
save (Driver  *d,
      GError **error)
{
  return cg_session_xml_save_file (d->session, d->file, FALSE, NULL, error);
}

static gboolean
parse_stage (const char *text,
             CgStage    *stage,
             GError    **error)
{
  if (text != NULL && cg_stage_from_string (text, stage))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "no stage '%s'", text ? text : "");
  return FALSE;
}

/* Runs one command; FALSE with @error set when it could not. */
static gboolean
run_command (Driver     *d,
             const char *verb,
             const char *arg,
             GError    **error)
{
  CgStage stage;

  if (g_str_equal (verb, "stage"))
    {
      if (!parse_stage (arg, &stage, error))
        return FALSE;
      cg_session_set_current_stage (d->session, stage);
    }
  else if (g_str_equal (verb, "hide") || g_str_equal (verb, "show"))
    cg_session_set_answers_hidden (d->session, g_str_equal (verb, "hide"));
  else if (g_str_equal (verb, "reveal") || g_str_equal (verb, "unreveal"))
    {
      if (!parse_stage (arg, &stage, error))
        return FALSE;
      cg_session_set_revealed (d->session, stage, g_str_equal (verb, "reveal"));
    }
  else if (g_str_equal (verb, "free"))
    {
      if (arg == NULL || !cg_room_free_seat (d->room, arg))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no seat for '%s'", arg ? arg : "");
          return FALSE;
        }
    }
  else if (g_str_equal (verb, "lock") || g_str_equal (verb, "unlock"))
    cg_room_set_locked (d->room, g_str_equal (verb, "lock"));
  else if (g_str_equal (verb, "close"))
    cg_room_close (d->room);
  else if (g_str_equal (verb, "reopen"))
    {
      /* Closed and opened again on the same port: a new key, so phones
       * still holding the old page hear 404 from it. */
      guint port = cg_room_get_port (d->room);

      cg_room_close (d->room);
      if (!cg_room_open (d->room, "127.0.0.1", port, error))
        return FALSE;
      printf ("Room open: %s\n", cg_room_get_url (d->room));
    }
  else if (g_str_equal (verb, "save"))
    return save (d, error);
  else if (g_str_equal (verb, "quit"))
    {
      g_main_loop_quit (d->loop);
      return TRUE;
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "unknown command '%s'", verb);
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_stdin (GIOChannel  *channel,
          GIOCondition condition,
          gpointer     user_data)
{
  Driver *d = user_data;
  g_autofree char *line = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) words = NULL;
  GIOStatus status;

  status = g_io_channel_read_line (channel, &line, NULL, NULL, &error);
  if (status == G_IO_STATUS_AGAIN)
    return G_SOURCE_CONTINUE;
  if (status != G_IO_STATUS_NORMAL)
    {
      g_main_loop_quit (d->loop);
      return G_SOURCE_REMOVE;
    }
  g_strstrip (line);
  if (*line == '\0')
    return G_SOURCE_CONTINUE;
  words = g_strsplit (line, " ", 2);
  if (run_command (d, words[0], words[1], &error))
    printf ("ok\n");
  else
    printf ("error: %s\n", error->message);
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GIOChannel) channel = NULL;
  Driver d = { 0 };

  if (argc != 2)
    {
      fprintf (stderr, "usage: room-driver FILE\n");
      return 2;
    }
  d.file = g_file_new_for_commandline_arg (argv[1]);
  d.session = cg_session_xml_load_file (d.file, NULL, &error);
  if (d.session == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  d.room = cg_room_new (d.session);
  if (!cg_room_open (d.room, "127.0.0.1", 0, &error))
    {
      fprintf (stderr, "room-driver: %s\n", error->message);
      return 1;
    }
  printf ("Room open: %s\n", cg_room_get_url (d.room));
  fflush (stdout);

  d.loop = g_main_loop_new (NULL, FALSE);
  channel = g_io_channel_unix_new (0);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin, &d);
  g_main_loop_run (d.loop);

  cg_room_close (d.room);
  if (!save (&d, &error))
    {
      fprintf (stderr, "room-driver: %s\n", error->message);
      return 1;
    }
  g_clear_object (&d.room);
  g_clear_object (&d.session);
  g_clear_object (&d.file);
  g_main_loop_unref (d.loop);
  return 0;
}
