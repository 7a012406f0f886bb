/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rounds in the window: File › New Round writes a new round beside the
 * earlier file and shows it; once it is answered, Review opens with
 * "Since <date of the earlier session>" and the item that moved. A later
 * round opened on its own finds the earlier file beside it. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-compare.h"
#include "cg-presentation-content.h"
#include "cg-session-xml.h"
#include "cg-since-section.h"
#include "cg-window.h"

#define STATEMENT "We share a clear purpose."
/* The row names the statement as the Review page does: lesson.position. */
#define STATEMENT_ROW "1.1  We share a clear purpose."
#define SINCE "Since 20 November 2025"

static const char *const names[] = { "Ana", "Ben", "Cai", "Dee" };

typedef struct
{
  char *dir;
  char *earlier_path;
  char *round_path;
  guint item;
  guint partners[4];
} Fixture;

/* The earlier round, saved: {1,5,3,4} on the statement. */
static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr (CgSession) s = cg_session_new ();
  g_autoptr (GFile) file = NULL;
  const CgRating before[] = { 1, 5, 3, 4 };

  f->dir = g_dir_make_tmp ("cg-rounds-XXXXXX", NULL);
  f->earlier_path = g_build_filename (f->dir, "riverside.commonground", NULL);
  f->round_path = g_build_filename (f->dir, "riverside-2.commonground", NULL);
  file = g_file_new_for_path (f->earlier_path);
  cg_session_set_detail (s, CG_DETAIL_TITLE, "Riverside partnership");
  cg_session_set_detail (s, CG_DETAIL_DATE, "2025-11-20");
  f->item = cg_session_add_statement (s, 0, STATEMENT);
  for (guint i = 0; i < 4; i++)
    {
      f->partners[i] = cg_session_add_partner (s, names[i], "Org", "Role");
      cg_session_set_rating (s, f->partners[i], f->item, before[i]);
    }
  assert_true (cg_session_xml_save_file (s, file, FALSE, NULL, NULL));
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_unlink (f->earlier_path);
  g_unlink (f->round_path);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->earlier_path);
  g_free (f->round_path);
  g_free (f);
  return 0;
}

typedef struct
{
  CgWindow *window;
  CgSession *old;
} Swap;

static gboolean
session_swapped (gpointer data)
{
  Swap *swap = data;

  return cg_window_get_session (swap->window) != swap->old;
}

static gboolean
since_shown (gpointer data)
{
  GtkWidget *label = cg_test_find (GTK_WIDGET (data), GTK_TYPE_LABEL, SINCE);

  return label != NULL && gtk_widget_is_drawable (label);
}

/* The section shows "Since" while the earlier file is still being read:
 * the row of what moved comes with the comparison. */
static gboolean
moved_row_shown (gpointer data)
{
  GtkWidget *row = cg_test_find (GTK_WIDGET (data), ADW_TYPE_ACTION_ROW, STATEMENT_ROW);

  return row != NULL && gtk_widget_is_drawable (row);
}

static gboolean
earlier_attached (gpointer data)
{
  return cg_compare_get_earlier (data) != NULL;
}

static CgWindow *
window_for (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) session = cg_session_xml_load_file (file, NULL, &error);
  CgWindow *window;

  assert_non_null (session);
  window = cg_window_new (NULL);
  cg_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_iterate ();
  return window;
}

/* The moved statement's row says it moved towards agreement:
 * {1,5,3,4} consensus 0.40 -> {4,4,5,4} 0.86 (hand-worked in test-compare). */
static void
assert_moved_row (CgWindow *window)
{
  GtkWidget *row = cg_test_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, STATEMENT_ROW);
  const char *subtitle;

  assert_non_null (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  assert_non_null (
    strstr (subtitle, "Moved towards agreement: consensus 0.40 → 0.86, mean 3.25 → 4.25"));
  assert_non_null (cg_test_find (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                 "A change in consensus of at least 0.10 counts as movement."));
}

static void
test_new_round_then_since (void **state)
{
  Fixture *f = *state;
  const CgRating after[] = { 4, 4, 5, 4 };
  CgWindow *window = window_for (f->earlier_path);
  Swap swap = { window, cg_window_get_session (window) };
  CgSession *round;
  g_autofree char *written = NULL;

  g_setenv ("CG_TEST_SAVE_PATH", f->round_path, TRUE);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-round", NULL));
  assert_true (cg_test_wait_for (session_swapped, &swap, 10000));
  g_unsetenv ("CG_TEST_SAVE_PATH");

  /* Written where asked, with its baseline, and no answers yet. */
  round = cg_window_get_session (window);
  assert_true (g_file_get_contents (f->round_path, &written, NULL, NULL));
  assert_non_null (strstr (written, "<cg11:file>riverside.commonground</cg11:file>"));
  assert_null (strstr (written, "<rating"));
  assert_false (cg_session_get_modified (round));
  assert_int_equal (cg_session_get_rating (round, f->partners[0], f->item), CG_RATING_NONE);

  /* Answered, then Review: "Since" at the top, with what moved. */
  for (guint i = 0; i < 4; i++)
    cg_session_set_rating (round, f->partners[i], f->item, after[i]);
  cg_window_set_stage (window, CG_STAGE_REVIEW);
  assert_true (cg_test_wait_for (since_shown, window, 10000));
  assert_moved_row (window);
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

static void
test_unsaved_session_is_saved_first (void **state)
{
  Fixture *f = *state;
  CgWindow *window = window_for (f->earlier_path);
  CgSession *session = cg_window_get_session (window);

  cg_session_set_detail (session, CG_DETAIL_FACILITATOR, "Sam");
  g_setenv ("CG_TEST_SAVE_PATH", f->round_path, TRUE);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-round", NULL));
  for (guint i = 0; i < 20; i++)
    cg_test_iterate ();
  g_unsetenv ("CG_TEST_SAVE_PATH");
  /* Nothing written, nothing swapped: the digest must name a saved file. */
  assert_ptr_equal (cg_window_get_session (window), session);
  assert_false (g_file_test (f->round_path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

/* A later round opened by itself: the earlier file beside it is found. */
static void
test_later_round_finds_earlier_beside (void **state)
{
  Fixture *f = *state;
  g_autoptr (GFile) earlier_file = g_file_new_for_path (f->earlier_path);
  g_autoptr (GFile) round_file = g_file_new_for_path (f->round_path);
  g_autoptr (CgSession) earlier = cg_session_xml_load_file (earlier_file, NULL, NULL);
  g_autoptr (GBytes) bytes = g_file_load_bytes (earlier_file, NULL, NULL, NULL);
  g_autoptr (CgSession) round = cg_session_new_round (earlier, f->earlier_path, bytes);
  const CgRating after[] = { 4, 4, 5, 4 };
  CgWindow *window;

  for (guint i = 0; i < 4; i++)
    cg_session_set_rating (round, f->partners[i], f->item, after[i]);
  assert_true (cg_session_xml_save_file (round, round_file, FALSE, NULL, NULL));
  window = window_for (f->round_path);
  /* Found on opening, before Review is ever built: the charter and the
   * report compare too. */
  assert_true (cg_test_wait_for (earlier_attached, cg_window_get_session (window), 10000));
  cg_window_set_stage (window, CG_STAGE_REVIEW);
  assert_true (cg_test_wait_for (since_shown, window, 10000));
  assert_true (cg_test_wait_for (moved_row_shown, window, 10000));
  assert_moved_row (window);
  assert_non_null (cg_compare_get_earlier (cg_window_get_session (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

/* Compare with… any earlier session: one typed in separately (no baseline,
 * other ids) is matched by the statement's text, case and spacing aside. */
static void
test_compare_with_unrelated_session (void **state)
{
  Fixture *f = *state;
  g_autoptr (CgSession) later = cg_session_new ();
  g_autoptr (GFile) earlier_file = g_file_new_for_path (f->earlier_path);
  const CgRating after[] = { 4, 4, 5, 4 };
  GtkWidget *button, *section, *row;
  CgWindow *window;
  guint item;

  cg_session_add_task (later, "Something else first"); /* ids differ from the earlier file's */
  item = cg_session_add_statement (later, 0, "we share a  CLEAR purpose");
  for (guint i = 0; i < 4; i++)
    cg_session_set_rating (later, cg_session_add_partner (later, names[i], "", ""), item, after[i]);
  window = cg_window_new (NULL);
  cg_window_set_session (window, later);
  gtk_window_present (GTK_WINDOW (window));
  cg_window_set_stage (window, CG_STAGE_REVIEW);
  cg_test_iterate ();
  /* No baseline: no "Since" until a session is chosen. */
  assert_null (cg_test_find (GTK_WIDGET (window), GTK_TYPE_LABEL, SINCE));
  button = cg_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Compare with…");
  assert_non_null (button);
  section = gtk_widget_get_ancestor (button, CG_TYPE_SINCE_SECTION);
  assert_non_null (section);
  /* What the file chooser hands over. */
  cg_since_section_compare_with_file (CG_SINCE_SECTION (section), earlier_file);
  assert_true (cg_test_wait_for (since_shown, window, 10000));
  row = cg_test_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "1.1  we share a  CLEAR purpose");
  assert_non_null (row);
  assert_non_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                           "Moved towards agreement: consensus 0.40 → 0.86"));
  assert_non_null (cg_test_find (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                 "A change in consensus of at least 0.10 counts as movement. "
                                 "Matched by text: the two sessions do not share ids."));
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

/* The presentation view shows "Since" first on the Review stage. */
static void
test_presentation_shows_since (void **state)
{
  Fixture *f = *state;
  g_autoptr (GFile) earlier_file = g_file_new_for_path (f->earlier_path);
  g_autoptr (CgSession) earlier = cg_session_xml_load_file (earlier_file, NULL, NULL);
  g_autoptr (GBytes) bytes = g_file_load_bytes (earlier_file, NULL, NULL, NULL);
  g_autoptr (CgSession) round = cg_session_new_round (earlier, f->earlier_path, bytes);
  const CgRating after[] = { 4, 4, 5, 4 };
  CgPresentationContent out = { 0 };
  GtkWidget *line;

  for (guint i = 0; i < 4; i++)
    cg_session_set_rating (round, f->partners[i], f->item, after[i]);
  assert_int_equal (cg_presentation_count_items (round, CG_STAGE_REVIEW), 3);
  cg_compare_set_earlier (round, earlier, bytes);
  assert_int_equal (cg_presentation_count_items (round, CG_STAGE_REVIEW), 4);
  cg_presentation_content_build (round, CG_STAGE_REVIEW, 0, FALSE, &out);
  g_object_ref_sink (out.widget);
  assert_string_equal (gtk_label_get_label (GTK_LABEL (out.main_label)), SINCE);
  assert_string_equal (out.position, "1 of 4");
  line = cg_test_find (out.widget, GTK_TYPE_LABEL,
                       STATEMENT " — Moved towards agreement (consensus 0.40 → 0.86)");
  assert_non_null (line);
  g_object_unref (out.widget);
  cg_presentation_content_clear (&out);
  /* Private entry shows nobody's answers, movement included. */
  cg_presentation_content_build (round, CG_STAGE_REVIEW, 0, TRUE, &out);
  g_object_ref_sink (out.widget);
  assert_null (cg_test_find (out.widget, GTK_TYPE_LABEL,
                             STATEMENT " — Moved towards agreement (consensus 0.40 → 0.86)"));
  g_object_unref (out.widget);
  cg_presentation_content_clear (&out);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_new_round_then_since, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unsaved_session_is_saved_first, setup, teardown),
    cmocka_unit_test_setup_teardown (test_later_round_finds_earlier_beside, setup, teardown),
    cmocka_unit_test_setup_teardown (test_presentation_shows_since, setup, teardown),
    cmocka_unit_test_setup_teardown (test_compare_with_unrelated_session, setup, teardown),
  };

  /* Dates in the section are the locale's: this test reads English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}
