/* SPDX-License-Identifier: GPL-3.0-or-later */
/* File › Open Recent: built from GtkRecentManager, only our sessions that
 * still exist, newest first, at most ten, each opening its URI; a session
 * opened or saved goes to the top. XDG_DATA_HOME is private to the run. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-recent.h"

static char *data_home;
static char *files_dir;

static char *
uri_of (const char *name)
{
  g_autofree char *path = g_build_filename (files_dir, name, NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

static void
touch (const char *name)
{
  g_autofree char *path = g_build_filename (files_dir, name, NULL);

  assert_true (g_file_set_contents (path, "x", -1, NULL));
}

static void
bookmark (GBookmarkFile *bf,
          const char    *name,
          const char    *mime,
          gint64         when)
{
  g_autofree char *uri = uri_of (name);
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (when);

  g_bookmark_file_set_mime_type (bf, uri, mime);
  g_bookmark_file_add_application (bf, uri, "someone", "someone %u");
  g_bookmark_file_set_added_date_time (bf, uri, time);
  g_bookmark_file_set_modified_date_time (bf, uri, time);
  g_bookmark_file_set_visited_date_time (bf, uri, time);
}

static char *
label_at (GMenuModel *menu,
          int         i)
{
  char *label = NULL;

  g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static void
assert_item (GMenuModel *menu,
             int         i,
             const char *label,
             const char *name)
{
  g_autofree char *seen = label_at (menu, i);
  g_autofree char *action = NULL;
  g_autofree char *uri = uri_of (name);
  g_autoptr (GVariant) target = NULL;

  assert_string_equal (seen, label);
  assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  assert_string_equal (action, "app.open-recent");
  target =
    g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  assert_non_null (target);
  assert_string_equal (g_variant_get_string (target, NULL), uri);
}

static gboolean
first_is_cb (gpointer data)
{
  GMenuModel *menu = cg_recent_get_menu ();
  g_autofree char *label = g_menu_model_get_n_items (menu) > 0 ? label_at (menu, 0) : NULL;

  return g_strcmp0 (label, data) == 0;
}

static void
test_empty (void **state)
{
  GMenuModel *menu = cg_recent_get_menu ();
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;

  assert_int_equal (g_menu_model_get_n_items (menu), 1);
  label = label_at (menu, 0);
  assert_string_equal (label, "No Recent Sessions");
  /* No action: shown insensitive. */
  assert_false (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
}

static void
test_filtered_sorted_capped (void **state)
{
  g_autoptr (GBookmarkFile) bf = g_bookmark_file_new ();
  g_autofree char *xbel = g_build_filename (data_home, "recently-used.xbel", NULL);
  GMenuModel *menu = cg_recent_get_menu ();
  const char *session = CG_SESSION_MIME_TYPE;
  /* Recent times: GTK forgets entries older than a month when it saves. */
  gint64 now = g_get_real_time () / G_USEC_PER_SEC - 3600;

  /* Newest first: a text file and a deleted session are left out; our MIME
   * type counts without the extension, the extension without it. */
  touch ("notes.txt");
  bookmark (bf, "notes.txt", "text/plain", now);
  bookmark (bf, "gone.commonground", session, now - 60);
  touch ("team_a.commonground");
  bookmark (bf, "team_a.commonground", "application/xml", now - 120);
  touch ("ours.xml");
  bookmark (bf, "ours.xml", session, now - 180);
  for (int i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("s%02d.commonground", i);

      touch (name);
      bookmark (bf, name, session, now - 600 - i * 60);
    }
  /* The manager watches its file: the menu follows. */
  assert_true (g_bookmark_file_to_file (bf, xbel, NULL));
  assert_true (cg_test_wait_for (first_is_cb, "team__a.commonground", 5000));

  assert_int_equal (g_menu_model_get_n_items (menu), CG_RECENT_MAX_ITEMS);
  /* "_" would be a mnemonic: doubled, the name shows as it is. */
  assert_item (menu, 0, "team__a.commonground", "team_a.commonground");
  assert_item (menu, 1, "ours.xml", "ours.xml");
  for (int i = 1; i <= 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("s%02d.commonground", i);

      assert_item (menu, i + 1, name, name);
    }
}

static void
test_added_goes_first (void **state)
{
  GMenuModel *menu = cg_recent_get_menu ();
  g_autofree char *path = g_build_filename (files_dir, "fresh.commonground", NULL);
  g_autofree char *uri = uri_of ("fresh.commonground");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkRecentInfo *info;

  touch ("fresh.commonground");
  cg_recent_add (file);
  assert_true (cg_test_wait_for (first_is_cb, "fresh.commonground", 5000));
  assert_int_equal (g_menu_model_get_n_items (menu), CG_RECENT_MAX_ITEMS);
  assert_item (menu, 0, "fresh.commonground", "fresh.commonground");
  assert_item (menu, 1, "team__a.commonground", "team_a.commonground");
  assert_item (menu, 9, "s07.commonground", "s07.commonground");
  /* Recorded as a session, whatever the system would guess. */
  info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);
  assert_non_null (info);
  assert_string_equal (gtk_recent_info_get_mime_type (info), CG_SESSION_MIME_TYPE);
  gtk_recent_info_unref (info);
}

static void
remove_all (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_filtered_sorted_capped),
    cmocka_unit_test (test_added_goes_first),
  };
  int failed;

  data_home = g_dir_make_tmp ("cg-recent-home-XXXXXX", NULL);
  files_dir = g_dir_make_tmp ("cg-recent-files-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  failed = cmocka_run_group_tests (tests, NULL, NULL);
  remove_all (files_dir);
  remove_all (data_home);
  g_free (files_dir);
  g_free (data_home);
  return failed;
}
