/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CgStagePage: the pages that implement it say their stage and hold the
 * session the window hands them, and their connections to the session move
 * with it (GSignalGroup): a page listens to its new session and no longer
 * to the old one. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-charter-page.h"
#include "cg-lesson-page.h"
#include "cg-partners-page.h"
#include "cg-review-page.h"
#include "cg-session-page.h"
#include "cg-stage-page.h"

static void
test_window_pages (void **state)
{
  g_autoptr (CgSession) session = cg_session_new ();
  g_autoptr (CgSession) other = cg_session_new ();
  CgWindow *window = NULL;

  /* Every stage, Partners, Review and Charter among them. */
  cg_test_show_window (session, &window);
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    {
      GtkWidget *page = cg_window_get_page (window, stage);

      assert_true (CG_IS_STAGE_PAGE (page));
      assert_int_equal (cg_stage_page_get_stage (CG_STAGE_PAGE (page)), stage);
      assert_ptr_equal (cg_stage_page_get_session (CG_STAGE_PAGE (page)), session);
    }
  cg_window_set_session (window, other);
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    assert_ptr_equal (
      cg_stage_page_get_session (CG_STAGE_PAGE (cg_window_get_page (window, stage))), other);
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

static void
test_lesson_page_follows_its_session (void **state)
{
  g_autoptr (CgSession) first = cg_session_new ();
  g_autoptr (CgSession) second = cg_session_new ();
  GtkWidget *page = cg_lesson_page_new (1);
  GtkWindow *window = cg_test_window_new (page);

  cg_stage_page_set_session (CG_STAGE_PAGE (page), first);
  cg_session_set_lesson_intro (first, 1, "Outcomes of the first session");
  assert_non_null (cg_test_find (page, GTK_TYPE_LABEL, "Outcomes of the first session"));

  cg_stage_page_set_session (CG_STAGE_PAGE (page), second);
  cg_session_set_lesson_intro (first, 1, "Changed in the first session");
  assert_null (cg_test_find (page, GTK_TYPE_LABEL, "Changed in the first session"));
  cg_session_set_lesson_intro (second, 1, "Outcomes of the second session");
  assert_non_null (cg_test_find (page, GTK_TYPE_LABEL, "Outcomes of the second session"));
  assert_int_equal (cg_stage_page_get_stage (CG_STAGE_PAGE (page)), CG_STAGE_LESSON_2);
  gtk_window_destroy (window);
}

static void
test_session_page_follows_its_session (void **state)
{
  g_autoptr (CgSession) first = cg_session_new ();
  g_autoptr (CgSession) second = cg_session_new ();
  GtkWidget *page = cg_session_page_new ();
  GtkWindow *window = cg_test_window_new (page);

  cg_stage_page_set_session (CG_STAGE_PAGE (page), first);
  cg_stage_page_set_session (CG_STAGE_PAGE (page), second);
  cg_session_set_detail (first, CG_DETAIL_FACILITATOR, "Facilitator of the first");
  cg_session_set_detail (second, CG_DETAIL_FACILITATOR, "Facilitator of the second");
  cg_test_iterate ();
  assert_string_equal (
    gtk_editable_get_text (GTK_EDITABLE (cg_test_find (page, ADW_TYPE_ENTRY_ROW, "Facilitator"))),
    "Facilitator of the second");
  cg_session_set_detail (first, CG_DETAIL_FACILITATOR, "Changed in the first");
  cg_test_iterate ();
  assert_string_equal (
    gtk_editable_get_text (GTK_EDITABLE (cg_test_find (page, ADW_TYPE_ENTRY_ROW, "Facilitator"))),
    "Facilitator of the second");
  gtk_window_destroy (window);
}

/* Handed a second session, a page and everything in it (charts, lists,
 * the Since section) let go of the first: nothing listens to it any more. */
static void
assert_page_moves_its_connections (GtkWidget *page)
{
  g_autoptr (CgSession) first =
    cg_test_session_new (cg_test_partners, NULL, cg_test_statements, NULL, cg_test_tasks, NULL);
  g_autoptr (CgSession) second =
    cg_test_session_new (cg_test_partners, NULL, cg_test_statements, NULL, cg_test_tasks, NULL);
  guint changed = g_signal_lookup ("changed", CG_TYPE_SESSION);
  GtkWindow *window = cg_test_window_new (page);

  cg_stage_page_set_session (CG_STAGE_PAGE (page), first);
  cg_test_iterate ();
  assert_true (g_signal_has_handler_pending (first, changed, 0, FALSE));
  cg_stage_page_set_session (CG_STAGE_PAGE (page), second);
  cg_test_iterate ();
  assert_false (g_signal_has_handler_pending (first, changed, 0, FALSE));
  assert_true (g_signal_has_handler_pending (second, changed, 0, FALSE));
  cg_stage_page_set_session (CG_STAGE_PAGE (page), NULL);
  assert_false (g_signal_has_handler_pending (second, changed, 0, FALSE));
  gtk_window_destroy (window);
  cg_test_iterate ();
}

static void
test_pages_move_their_connections (void **state)
{
  assert_page_moves_its_connections (cg_session_page_new ());
  assert_page_moves_its_connections (cg_partners_page_new ());
  assert_page_moves_its_connections (cg_lesson_page_new (3));
  assert_page_moves_its_connections (cg_review_page_new ());
  assert_page_moves_its_connections (cg_charter_page_new ());
}

static guint
n_rows (GtkWidget *page)
{
  GtkListBox *list = GTK_LIST_BOX (cg_test_find (page, GTK_TYPE_LIST_BOX, NULL));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
test_partners_page_follows_its_session (void **state)
{
  g_autoptr (CgSession) first = cg_session_new ();
  g_autoptr (CgSession) second = cg_session_new ();
  GtkWidget *page = cg_partners_page_new ();
  GtkWindow *window = cg_test_window_new (page);

  cg_stage_page_set_session (CG_STAGE_PAGE (page), first);
  cg_session_add_partner (first, "Partner of the first", "", "");
  assert_int_equal (n_rows (page), 1);

  cg_stage_page_set_session (CG_STAGE_PAGE (page), second);
  assert_int_equal (n_rows (page), 0);
  cg_session_add_partner (first, "Added to the first", "", "");
  assert_int_equal (n_rows (page), 0);
  cg_session_add_partner (second, "Partner of the second", "", "");
  cg_session_add_partner (second, "Another of the second", "", "");
  assert_int_equal (n_rows (page), 2);
  assert_int_equal (cg_stage_page_get_stage (CG_STAGE_PAGE (page)), CG_STAGE_PARTNERS);
  gtk_window_destroy (window);
}

static void
test_charter_page_follows_its_session (void **state)
{
  g_autoptr (CgSession) first = cg_session_new ();
  g_autoptr (CgSession) second = cg_session_new ();
  GtkWidget *page = cg_charter_page_new ();
  GtkWindow *window = cg_test_window_new (page);
  GtkEditable *title;

  cg_stage_page_set_session (CG_STAGE_PAGE (page), first);
  cg_stage_page_set_session (CG_STAGE_PAGE (page), second);
  title = GTK_EDITABLE (cg_test_find (page, ADW_TYPE_ENTRY_ROW, "Title"));
  cg_session_set_charter_field (second, CG_CHARTER_TITLE, "Charter of the second");
  assert_string_equal (gtk_editable_get_text (title), "Charter of the second");
  cg_session_set_charter_field (first, CG_CHARTER_TITLE, "Changed in the first");
  assert_string_equal (gtk_editable_get_text (title), "Charter of the second");
  assert_int_equal (cg_stage_page_get_stage (CG_STAGE_PAGE (page)), CG_STAGE_CHARTER);
  gtk_window_destroy (window);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_window_pages),
    cmocka_unit_test (test_lesson_page_follows_its_session),
    cmocka_unit_test (test_session_page_follows_its_session),
    cmocka_unit_test (test_pages_move_their_connections),
    cmocka_unit_test (test_partners_page_follows_its_session),
    cmocka_unit_test (test_charter_page_follows_its_session),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}
