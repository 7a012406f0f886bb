/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window tells the user about files: a file from a newer version
 * of Common Ground opens with a notice (RELIABILITY #12), and a save that
 * fails says why, offers Save As and leaves the session unsaved
 * (RELIABILITY #2, #4). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-application.h"
#include "cg-window.h"

#define NEWER_NOTICE "Made by a newer version of Common Ground"

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

static char *
copy_fixture (const char *dir,
              const char *fixture,
              const char *name)
{
  g_autofree char *from =
    g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "good", fixture, NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);

  assert_true (g_file_get_contents (from, &contents, NULL, NULL));
  assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* The folder and whatever was written in it. */
static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Opening ------------------------------------------------------------------ */

typedef struct
{
  CgApplication *app;
  guint ticks;
  gboolean clicked_details;
  /* What the run saw, checked after g_application_run() returns. */
  gboolean newer_has_notice;
  gboolean older_has_notice;
  char *details;
  char *failure;
} Open;

static CgWindow *
window_for (Open       *o,
            const char *name)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (o->app)); l; l = l->next)
    {
      CgSession *session = CG_IS_WINDOW (l->data) ? cg_window_get_session (l->data) : NULL;
      GFile *file = session != NULL ? cg_session_get_file (session) : NULL;
      g_autofree char *base = file != NULL ? g_file_get_basename (file) : NULL;

      if (g_strcmp0 (base, name) == 0)
        return l->data;
    }
  return NULL;
}

static gboolean
drive_open (gpointer data)
{
  Open *o = data;
  CgWindow *newer = window_for (o, "newer.commonground");
  CgWindow *older = window_for (o, "minimal.commonground");
  AdwMessageDialog *dialog;

  if (++o->ticks > 400)
    {
      o->failure = g_strdup_printf ("stuck (details clicked: %d)", o->clicked_details);
      g_application_quit (G_APPLICATION (o->app));
      return G_SOURCE_REMOVE;
    }
  if (newer == NULL || older == NULL)
    return G_SOURCE_CONTINUE;
  if (!o->clicked_details)
    {
      GtkWidget *button = cg_test_find (GTK_WIDGET (newer), GTK_TYPE_BUTTON, "Details");

      o->newer_has_notice = cg_test_find (GTK_WIDGET (newer), GTK_TYPE_LABEL, NEWER_NOTICE) != NULL;
      o->older_has_notice = cg_test_find (GTK_WIDGET (older), GTK_TYPE_LABEL, NEWER_NOTICE) != NULL;
      if (button == NULL)
        return G_SOURCE_CONTINUE;
      g_signal_emit_by_name (button, "clicked");
      o->clicked_details = TRUE;
      return G_SOURCE_CONTINUE;
    }
  dialog = find_dialog ("Made by a Newer Version");
  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  o->details = g_strdup (adw_message_dialog_get_body (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_action_group_activate_action (G_ACTION_GROUP (o->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
test_newer_file_opens_with_notice (void **state)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-notices-XXXXXX", NULL);
  g_autofree char *newer = copy_fixture (dir, "newer-minor.commonground", "newer.commonground");
  g_autofree char *older = copy_fixture (dir, "minimal.commonground", "minimal.commonground");
  char *argv[] = { "common-ground", newer, older, NULL };
  Open o = { 0 };
  int status;

  o.app = cg_application_new ();
  g_application_set_flags (G_APPLICATION (o.app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, drive_open, &o);
  status = g_application_run (G_APPLICATION (o.app), 3, argv);

  assert_null (o.failure);
  assert_int_equal (status, 0);
  /* The newer file says so; a file of this version does not. */
  assert_true (o.newer_has_notice);
  assert_false (o.older_has_notice);
  /* The details tell what happens to the parts this version does not know. */
  assert_string_equal (o.details,
                       "“newer.commonground” was made by a newer version of Common Ground. "
                       "Everything this version knows is shown and can be edited. The parts it "
                       "does not know are kept and written back when you save, except those of "
                       "anything you remove, such as a partner.");
  g_free (o.details);
  g_object_unref (o.app);
  remove_dir (dir);
}

/* Saving ------------------------------------------------------------------- */

typedef struct
{
  CgWindow *window;
  const char *heading;
} DialogWait;

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog (((DialogWait *) data)->heading) != NULL;
}

static gboolean
saved (gpointer data)
{
  return !cg_session_get_modified (data);
}

static void
test_save_failure_offers_save_as (void **state)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-save-fail-XXXXXX", NULL);
  /* A folder that is a regular file: no one can write under it, root
   * included (the tests run as root in CI, where permissions would not
   * stop the save). */
  g_autofree char *not_a_folder = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *target = g_build_filename (not_a_folder, "session.commonground", NULL);
  g_autofree char *good = g_build_filename (dir, "elsewhere.commonground", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (target);
  g_autoptr (CgSession) session = cg_session_new ();
  g_autofree char *written = NULL;
  DialogWait wait = { NULL, "Could not save “session.commonground”" };
  CgWindow *window;
  AdwMessageDialog *dialog;

  assert_true (g_file_set_contents (not_a_folder, "", -1, NULL));
  cg_session_set_file (session, file);
  cg_session_set_detail (session, CG_DETAIL_TITLE, "Kept in memory");
  assert_true (cg_session_get_modified (session));
  window = cg_window_new (NULL);
  cg_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_iterate ();

  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  assert_true (cg_test_wait_for (dialog_shown, &wait, 10000));
  dialog = find_dialog (wait.heading);
  /* It says why, and offers Save As as the way on. */
  assert_non_null (strstr (adw_message_dialog_get_body (dialog), g_strerror (ENOTDIR)));
  assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  assert_string_equal (adw_message_dialog_get_response_label (dialog, "save-as"), "Save _As…");
  assert_string_equal (adw_message_dialog_get_default_response (dialog), "save-as");
  /* Nothing was written: the session is still unsaved, and its file is
   * still the one it had. */
  assert_true (cg_session_get_modified (session));
  assert_true (g_file_equal (cg_session_get_file (session), file));
  assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  /* Save As (the test path stands in for the file chooser) saves it. */
  g_setenv ("CG_TEST_SAVE_PATH", good, TRUE);
  adw_message_dialog_response (dialog, "save-as");
  assert_true (cg_test_wait_for (saved, session, 10000));
  g_unsetenv ("CG_TEST_SAVE_PATH");
  assert_true (g_file_get_contents (good, &written, NULL, NULL));
  assert_non_null (strstr (written, "<title>Kept in memory</title>"));

  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_newer_file_opens_with_notice),
    cmocka_unit_test (test_save_failure_offers_save_as),
  };
  g_autofree char *home = g_dir_make_tmp ("cg-notices-home-XXXXXX", NULL);
  int failed;

  /* A private data folder: no draft left by another run is offered here,
   * and the recent files are ours alone. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  failed = cmocka_run_group_tests (tests, NULL, NULL);
  remove_dir (home);
  return failed;
}
