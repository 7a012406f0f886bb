/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CgWindow's "current-item": the item the facilitator's capture grid cursor
 * is on (what the presentation view follows), notified at every move of
 * the cursor, 0 while the focus is outside the grids. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app-test-util.h"
#include "cg-rating-grid.h"
#include "cg-role-grid.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_follows_the_cursor (void **state)
{
  guint statements[3] = { 0 }, tasks[3] = { 0 };
  g_autoptr (CgSession) session = cg_test_session_new (cg_test_partners, NULL, cg_test_statements,
                                                       statements, cg_test_tasks, tasks);
  CgWindow *window = NULL;
  CgRatingGrid *grid;
  CgRoleGrid *roles;
  guint notified = 0;

  cg_test_show_window (session, &window);
  assert_int_equal (cg_window_get_current_item (window), 0);
  g_signal_connect (window, "notify::current-item", G_CALLBACK (count_notify), &notified);

  cg_window_set_stage (window, CG_STAGE_LESSON_1);
  cg_test_iterate ();
  grid = CG_RATING_GRID (
    cg_test_find (cg_window_get_page (window, CG_STAGE_LESSON_1), CG_TYPE_RATING_GRID, NULL));
  assert_non_null (grid);
  cg_rating_grid_set_cursor (grid, 1, 0);
  cg_test_iterate ();
  assert_int_equal (cg_window_get_current_item (window), statements[1]);
  assert_true (notified >= 1);

  /* An arrow key up: the first statement, notified. */
  notified = 0;
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Up, 0));
  cg_test_iterate ();
  assert_int_equal (cg_window_get_current_item (window), statements[0]);
  assert_true (notified >= 1);

  /* Along the row to the next partner: the same item, notified again so
   * that a view that stepped away comes back to it. */
  notified = 0;
  assert_true (cg_rating_grid_handle_key (grid, GDK_KEY_Right, 0));
  cg_test_iterate ();
  assert_int_equal (cg_window_get_current_item (window), statements[0]);
  assert_true (notified >= 1);

  /* The role grid's rows are tasks. */
  cg_window_set_stage (window, CG_STAGE_ROLES);
  cg_test_iterate ();
  roles = CG_ROLE_GRID (
    cg_test_find (cg_window_get_page (window, CG_STAGE_ROLES), CG_TYPE_ROLE_GRID, NULL));
  assert_non_null (roles);
  cg_role_grid_set_cursor (roles, 1, 1);
  cg_test_iterate ();
  assert_int_equal (cg_window_get_current_item (window), tasks[1]);

  /* Focus outside the grids: none. */
  notified = 0;
  assert_true (gtk_widget_grab_focus (
    cg_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Next stage (Alt+Right)")));
  cg_test_iterate ();
  assert_int_equal (cg_window_get_current_item (window), 0);
  assert_int_equal (notified, 1);
  g_signal_handlers_disconnect_by_func (window, count_notify, &notified);
  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_iterate ();
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_follows_the_cursor),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}
