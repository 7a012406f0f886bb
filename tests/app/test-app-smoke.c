/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application, start to finish: opened with a good and a bad file
 * as from a file manager, edited through its pages, saved through the
 * window's save path (with a changed-on-disk file in between), and quit. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-application.h"
#include "cg-window.h"

typedef enum {
  STEP_WAIT_OPEN,
  STEP_EDIT,
  STEP_WAIT_ETAG_DIALOG,
  STEP_WAIT_SAVED,
  STEP_QUIT,
  STEP_DONE,
} Step;

typedef struct
{
  CgApplication *app;
  char *dir;
  GFile *file;
  Step step;
  guint ticks;
  /* What the run saw, checked after g_application_run() returns. */
  gboolean saw_error_dialog;
  gboolean saw_stage_restored;
  gboolean saw_etag_dialog;
  guint n_windows;
  char *saved;
  char *failure;
} Smoke;

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

static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = cg_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);

  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
}

static CgWindow *
the_window (Smoke *s)
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

/* Makes the file look changed by another program: new bytes, new time. */
static void
touch_behind_the_back (Smoke *s)
{
  g_autofree char *path = g_file_get_path (s->file);
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, NULL);
  g_file_set_contents (path, contents, length, NULL);
  g_file_set_attribute_uint64 (s->file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                               g_get_real_time () / G_USEC_PER_SEC + 60, G_FILE_QUERY_INFO_NONE,
                               NULL, NULL);
}

static void
edit (Smoke    *s,
      CgWindow *window)
{
  GtkWidget *partners = cg_window_get_page (window, CG_STAGE_PARTNERS);
  GtkWidget *sessions = cg_window_get_page (window, CG_STAGE_SESSION);
  GtkWidget *name = cg_test_find (partners, GTK_TYPE_ENTRY, "Name of a new partner");
  GtkWidget *title = cg_test_find (sessions, ADW_TYPE_ENTRY_ROW, "Title");
  int position;

  cg_test_type (GTK_EDITABLE (name), "Morgan & Hale");
  g_signal_emit_by_name (name, "activate");
  position = strlen ("Riverside family support partnership");
  gtk_editable_insert_text (GTK_EDITABLE (title), " (second meeting)", -1, &position);
}

static void
step_wait_open (Smoke *s)
{
  CgWindow *window = the_window (s);
  AdwMessageDialog *dialog = find_dialog ("Could not open “missing.commonground”");
  CgSession *session;

  if (dialog != NULL)
    {
      s->saw_error_dialog = TRUE;
      respond (dialog, "Close");
    }
  session = window ? cg_window_get_session (window) : NULL;
  if (!s->saw_error_dialog || session == NULL || cg_session_get_file (session) == NULL)
    return;

  s->saw_stage_restored = cg_window_get_stage (window) == CG_STAGE_PARTNERS;
  edit (s, window);
  touch_behind_the_back (s);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  s->step = STEP_WAIT_ETAG_DIALOG;
}

static void
step_wait_etag (Smoke *s)
{
  AdwMessageDialog *dialog = find_dialog ("“smoke.commonground” Changed on Disk");

  if (dialog == NULL)
    return;
  s->saw_etag_dialog = TRUE;
  respond (dialog, "Overwrite");
  s->step = STEP_WAIT_SAVED;
}

static void
step_wait_saved (Smoke *s)
{
  CgWindow *window = the_window (s);
  g_autofree char *path = g_file_get_path (s->file);

  if (window == NULL || cg_session_get_modified (cg_window_get_session (window)))
    return;
  g_file_get_contents (path, &s->saved, NULL, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (s->app), "quit", NULL);
  s->step = STEP_DONE;
}

static gboolean
drive (gpointer data)
{
  Smoke *s = data;

  /* 20 s at most: a stuck step fails the test instead of hanging it. */
  if (++s->ticks > 400)
    {
      s->failure = g_strdup_printf ("stuck at step %d", s->step);
      g_application_quit (G_APPLICATION (s->app));
      return G_SOURCE_REMOVE;
    }
  switch (s->step)
    {
    case STEP_WAIT_OPEN: step_wait_open (s); break;
    case STEP_WAIT_ETAG_DIALOG: step_wait_etag (s); break;
    case STEP_WAIT_SAVED: step_wait_saved (s); break;
    default: return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* The folder and whatever the save left in it (a backup). */
static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_open_edit_save_quit (void **state)
{
  g_autofree char *fixture =
    g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "shell-sample.commonground", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  Smoke s = { 0 };
  int status;

  s.dir = g_dir_make_tmp ("cg-smoke-XXXXXX", NULL);
  path = g_build_filename (s.dir, "smoke.commonground", NULL);
  missing = g_build_filename (s.dir, "missing.commonground", NULL);
  assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  assert_true (g_file_set_contents (path, contents, -1, NULL));
  s.file = g_file_new_for_path (path);

  s.app = cg_application_new ();
  g_application_set_flags (G_APPLICATION (s.app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, drive, &s);
  {
    char *argv[] = { "common-ground", path, missing, NULL };
    status = g_application_run (G_APPLICATION (s.app), 3, argv);
  }

  assert_null (s.failure);
  assert_int_equal (status, 0);
  /* The bad file got a dialog and no window of its own. */
  assert_true (s.saw_error_dialog);
  assert_int_equal (s.n_windows, 1);
  assert_true (s.saw_stage_restored);
  assert_true (s.saw_etag_dialog);
  assert_non_null (s.saved);
  assert_non_null (
    strstr (s.saved, "<title>Riverside family support partnership (second meeting)</title>"));
  assert_non_null (strstr (s.saved, "<name>Morgan &amp; Hale</name>"));
  assert_non_null (strstr (s.saved, "<name>Jo Lee</name>"));
  /* Quitting closed every window. */
  assert_null (gtk_application_get_windows (GTK_APPLICATION (s.app)));
  /* Opened and saved: offered under File › Open Recent. */
  {
    g_autofree char *uri = g_file_get_uri (s.file);

    assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }

  g_object_unref (s.app);
  g_object_unref (s.file);
  g_free (s.saved);
  remove_dir (s.dir);
  g_free (s.dir);
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_open_edit_save_quit),
  };

  g_autofree char *home = g_dir_make_tmp ("cg-smoke-home-XXXXXX", NULL);
  g_autofree char *recent = g_build_filename (home, "recently-used.xbel", NULL);
  int failed;

  /* A private data folder: no draft left by another run is offered here,
   * and the recent files are ours alone. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  failed = cmocka_run_group_tests (tests, NULL, NULL);
  g_unlink (recent);
  remove_dir (home);
  return failed;
}
