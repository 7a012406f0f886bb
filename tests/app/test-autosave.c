/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Autosave and recovery in the app: a window writes its session's draft one
 * delay after a change (CG_AUTOSAVE_DELAY=1 here), even while edits keep
 * coming; saving or closing removes it; a restored draft is adopted; and
 * the application offers drafts a crash left, restoring or discarding
 * them as the facilitator answers. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app-test-util.h"
#include "cg-application.h"
#include "cg-recovery.h"
#include "cg-session-private.h"
#include "cg-session-xml.h"
#include "cg-template.h"
#include "cg-window.h"

static char *data_home;

static char *
draft_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = cg_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
draft_exists (const char *id)
{
  g_autofree char *draft = draft_path (id, ".commonground");
  g_autofree char *state = draft_path (id, ".draft");

  return g_file_test (draft, G_FILE_TEST_EXISTS) && g_file_test (state, G_FILE_TEST_EXISTS);
}

static gboolean
draft_gone (const char *id)
{
  g_autofree char *draft = draft_path (id, ".commonground");
  g_autofree char *state = draft_path (id, ".draft");

  return !g_file_test (draft, G_FILE_TEST_EXISTS) && !g_file_test (state, G_FILE_TEST_EXISTS);
}

static gboolean
draft_exists_cb (gpointer id)
{
  return draft_exists (id);
}

static guint
count_drafts (void)
{
  g_autofree char *dir = cg_recovery_get_dir ();
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
empty_recovery (void)
{
  g_autofree char *dir = cg_recovery_get_dir ();
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      cg_test_iterate ();
      g_usleep (10000);
    }
}

static CgWindow *
window_with (CgSession *session)
{
  CgWindow *window = cg_window_new (NULL);

  cg_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_iterate ();
  return window;
}

static CgSession *
workshop (const char *title)
{
  CgSession *s = cg_session_new_from_template ("standard", NULL);

  assert_non_null (s);
  cg_session_set_detail (s, CG_DETAIL_TITLE, title);
  cg_session_add_partner (s, "Morgan & Hale", "Housing", "Tenancy officer");
  return s;
}

static void
test_draft_follows_changes (void **state)
{
  g_autoptr (CgSession) s = cg_session_new_from_template ("standard", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cg-autosave-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.commonground", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *draft = NULL;
  g_autofree char *contents = NULL;
  CgWindow *window = window_with (s);
  g_autofree char *id = g_strdup (cg_window_get_draft_id (window));

  draft = draft_path (id, ".commonground");
  /* Untouched: nothing to recover, and nothing written. */
  wait_ms (1500);
  assert_true (draft_gone (id));

  cg_session_set_detail (s, CG_DETAIL_TITLE, "Draft one");
  cg_test_iterate ();
  assert_true (draft_gone (id));
  assert_true (cg_test_wait_for (draft_exists_cb, id, 5000));
  assert_true (g_file_get_contents (draft, &contents, NULL, NULL));
  assert_non_null (strstr (contents, "<title>Draft one</title>"));

  /* Saved: the file on disk is the work, the draft goes at once. */
  assert_true (cg_session_xml_save_file (s, file, FALSE, NULL, NULL));
  cg_test_iterate ();
  assert_true (draft_gone (id));

  cg_session_set_detail (s, CG_DETAIL_TITLE, "Draft two");
  assert_true (cg_test_wait_for (draft_exists_cb, id, 5000));
  /* Closing the window is a clean close: the draft goes with it. */
  gtk_window_destroy (GTK_WINDOW (window));
  assert_true (draft_gone (id));
  wait_ms (1500);
  assert_true (draft_gone (id));
  assert_int_equal (count_drafts (), 0);

  g_unlink (path);
  g_rmdir (dir);
}

/* The timer is not restarted by each edit, so steady typing still leaves
 * a draft about one delay behind. */
static void
test_steady_typing_still_saves (void **state)
{
  g_autoptr (CgSession) s = cg_session_new_from_template ("standard", NULL);
  CgWindow *window = window_with (s);
  g_autofree char *id = g_strdup (cg_window_get_draft_id (window));
  gboolean seen = FALSE;

  for (guint i = 0; i < 30 && !seen; i++)
    {
      g_autofree char *title = g_strdup_printf ("Typing %u", i);

      cg_session_set_detail (s, CG_DETAIL_TITLE, title);
      wait_ms (100);
      seen = draft_exists (id);
    }
  assert_true (seen);
  gtk_window_destroy (GTK_WINDOW (window));
  assert_true (draft_gone (id));
}

static void
write_dead_draft (const char *id,
                  CgSession  *session)
{
  g_autofree char *state = draft_path (id, ".draft");
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  assert_int_equal (waitpid (pid, NULL, 0), pid);
  assert_true (cg_recovery_write (id, session, NULL));
  assert_true (g_key_file_load_from_file (kf, state, G_KEY_FILE_NONE, NULL));
  g_key_file_set_int64 (kf, "Draft", "Pid", pid);
  assert_true (g_key_file_save_to_file (kf, state, NULL));
}

static guint
n_offered (void)
{
  g_autoptr (GPtrArray) entries = cg_recovery_list ();

  return entries->len;
}

static gboolean
none_offered_cb (gpointer data)
{
  return n_offered () == 0;
}

static void
test_adopted_draft (void **state)
{
  g_autoptr (CgSession) s = workshop ("Crashed workshop");
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (CgSession) back = NULL;
  g_autofree char *id = cg_recovery_new_id ();
  CgWindow *window;

  write_dead_draft (id, s);
  entries = cg_recovery_list ();
  assert_int_equal (entries->len, 1);
  back = cg_recovery_load (g_ptr_array_index (entries, 0), NULL);
  window = window_with (back);
  cg_window_adopt_draft (window, id);
  assert_string_equal (cg_window_get_draft_id (window), id);
  /* Rewritten at once under this process: no longer a crash's leftover. */
  assert_true (cg_test_wait_for (none_offered_cb, NULL, 5000));
  assert_true (draft_exists (id));
  gtk_window_destroy (GTK_WINDOW (window));
  assert_true (draft_gone (id));
}

/* The application, started with drafts a crash left ----------------------- */

typedef struct
{
  CgApplication *app;
  const char *answer;
  const char *id;
  guint ticks;
  gboolean answered;
  char *body;
  char *failure;
  guint n_windows;
  gboolean restored_modified;
  gboolean adopted;
  char *title;
} Start;

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static CgWindow *
only_window (Start *s)
{
  CgWindow *found = NULL;

  s->n_windows = 0;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (s->app)); l; l = l->next)
    if (CG_IS_WINDOW (l->data))
      {
        found = l->data;
        s->n_windows++;
      }
  return found;
}

static gboolean
answer_dialog (Start *s)
{
  AdwMessageDialog *dialog = find_dialog ("Restore Unsaved Session?");
  GtkWidget *button;

  if (dialog == NULL)
    return FALSE;
  s->body = g_strdup (adw_message_dialog_get_body (dialog));
  button = cg_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, s->answer);
  if (button == NULL)
    {
      s->failure = g_strdup_printf ("no button “%s”", s->answer);
      return TRUE;
    }
  g_signal_emit_by_name (button, "clicked");
  return TRUE;
}

static gboolean
drive_start (gpointer data)
{
  Start *s = data;
  CgWindow *window;
  CgSession *session;

  if (++s->ticks > 200 || s->failure != NULL)
    {
      if (s->failure == NULL)
        s->failure = g_strdup ("timed out");
      g_application_quit (G_APPLICATION (s->app));
      return G_SOURCE_REMOVE;
    }
  if (!s->answered)
    {
      s->answered = answer_dialog (s);
      return G_SOURCE_CONTINUE;
    }
  window = only_window (s);
  session = window ? cg_window_get_session (window) : NULL;
  if (g_str_equal (s->answer, "Restore") &&
      (session == NULL ||
       !g_str_equal (cg_session_get_detail (session, CG_DETAIL_TITLE), "Crashed workshop")))
    return G_SOURCE_CONTINUE;
  s->title = g_strdup (cg_session_get_detail (session, CG_DETAIL_TITLE));
  s->restored_modified = cg_session_get_modified (session);
  s->adopted = g_strcmp0 (cg_window_get_draft_id (window), s->id) == 0;
  /* A clean close of the last window ends the application. */
  cg_session_set_unmodified (session);
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
run_start (Start *s)
{
  char *argv[] = { "common-ground", NULL };
  int status;

  s->app = cg_application_new ();
  g_application_set_flags (G_APPLICATION (s->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, drive_start, s);
  status = g_application_run (G_APPLICATION (s->app), 1, argv);
  assert_null (s->failure);
  assert_int_equal (status, 0);
  g_object_unref (s->app);
}

static void
test_start_restores (void **state)
{
  g_autoptr (CgSession) crashed = workshop ("Crashed workshop");
  g_autofree char *id = cg_recovery_new_id ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "“Crashed workshop”, saved today at ");
  Start s = { .answer = "Restore", .id = id };

  write_dead_draft (id, crashed);
  run_start (&s);
  assert_non_null (s.body);
  /* Near midnight the draft may date from "yesterday": then the date shows. */
  if (g_date_time_get_hour (now) != 0 || g_date_time_get_minute (now) != 0)
    assert_non_null (strstr (s.body, today));
  /* Restored into the window the start opened, not a second one. */
  assert_int_equal (s.n_windows, 1);
  assert_string_equal (s.title, "Crashed workshop");
  assert_true (s.restored_modified);
  assert_true (s.adopted);
  /* The window closed cleanly: its draft went with it. */
  assert_int_equal (count_drafts (), 0);
  g_free (s.body);
  g_free (s.title);
}

static void
test_start_discards (void **state)
{
  g_autoptr (CgSession) crashed = workshop ("Crashed workshop");
  g_autofree char *id = cg_recovery_new_id ();
  Start s = { .answer = "Discard", .id = id };

  write_dead_draft (id, crashed);
  run_start (&s);
  assert_non_null (strstr (s.body, "“Crashed workshop”, saved "));
  assert_int_equal (s.n_windows, 1);
  /* The start's own new session, and no trace of the draft. */
  assert_string_not_equal (s.title, "Crashed workshop");
  assert_false (s.adopted);
  assert_true (draft_gone (id));
  assert_int_equal (count_drafts (), 0);
  g_free (s.body);
  g_free (s.title);
}

static int
teardown (void **state)
{
  empty_recovery ();
  return 0;
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_teardown (test_draft_follows_changes, teardown),
    cmocka_unit_test_teardown (test_steady_typing_still_saves, teardown),
    cmocka_unit_test_teardown (test_adopted_draft, teardown),
    cmocka_unit_test_teardown (test_start_restores, teardown),
    cmocka_unit_test_teardown (test_start_discards, teardown),
  };
  g_autofree char *recovery = NULL;
  g_autofree char *app_dir = NULL;
  int failed;

  /* Before anything asks GLib where user data goes: it asks only once. */
  data_home = g_dir_make_tmp ("cg-autosave-home-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("CG_AUTOSAVE_DELAY", "1", TRUE);
  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  failed = cmocka_run_group_tests (tests, NULL, NULL);

  recovery = cg_recovery_get_dir ();
  app_dir = g_path_get_dirname (recovery);
  g_rmdir (recovery);
  g_rmdir (app_dir);
  {
    g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);

    g_unlink (recent);
  }
  g_rmdir (data_home);
  g_free (data_home);
  return failed;
}
