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
#include "cg-lesson-page.h"
#include "cg-session-page.h"
#include "cg-stage-page.h"

static void
test_window_pages (void **state)
{
  static const CgStage stages[] = { CG_STAGE_SESSION, CG_STAGE_LESSON_1, CG_STAGE_LESSON_5,
                                    CG_STAGE_AIMS, CG_STAGE_ROLES };
  g_autoptr (CgSession) session = cg_session_new ();
  g_autoptr (CgSession) other = cg_session_new ();
  CgWindow *window = NULL;

  cg_test_show_window (session, &window);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      GtkWidget *page = cg_window_get_page (window, stages[i]);

      assert_true (CG_IS_STAGE_PAGE (page));
      assert_int_equal (cg_stage_page_get_stage (CG_STAGE_PAGE (page)), stages[i]);
      assert_ptr_equal (cg_stage_page_get_session (CG_STAGE_PAGE (page)), session);
    }
  cg_window_set_session (window, other);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    assert_ptr_equal (cg_stage_page_get_session (CG_STAGE_PAGE (cg_window_get_page (window, stages[i]))),
                      other);
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
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (cg_test_find (page, ADW_TYPE_ENTRY_ROW,
                                                                          "Facilitator"))),
                       "Facilitator of the second");
  cg_session_set_detail (first, CG_DETAIL_FACILITATOR, "Changed in the first");
  cg_test_iterate ();
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (cg_test_find (page, ADW_TYPE_ENTRY_ROW,
                                                                          "Facilitator"))),
                       "Facilitator of the second");
  gtk_window_destroy (window);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_window_pages),
    cmocka_unit_test (test_lesson_page_follows_its_session),
    cmocka_unit_test (test_session_page_follows_its_session),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}
