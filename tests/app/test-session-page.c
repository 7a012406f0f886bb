/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Session stage: typing edits the session, the session's changes
 * (undo) show in the fields, and neither fights the other's cursor. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-session-page.h"

typedef struct
{
  CgSession *session;
  GtkWidget *page;
  GtkWindow *window;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->session = cg_session_new ();
  f->page = cg_session_page_new ();
  g_object_set (f->page, "session", f->session, NULL);
  f->window = cg_test_window_new (f->page);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  gtk_window_destroy (f->window);
  cg_test_iterate ();
  g_object_unref (f->session);
  g_free (f);
  return 0;
}

static GtkEditable *
field (Fixture    *f,
       const char *title)
{
  GtkWidget *row = cg_test_find (f->page, ADW_TYPE_ENTRY_ROW, title);

  assert_non_null (row);
  return GTK_EDITABLE (row);
}

static void
insert_at (GtkEditable *editable,
           int          position,
           const char  *text)
{
  gtk_editable_insert_text (editable, text, -1, &position);
  gtk_editable_set_position (editable, position);
}

static void
test_typing_updates_session (void **state)
{
  Fixture *f = *state;
  GtkEditable *title = field (f, "Title");

  insert_at (title, 0, "Riverside");
  insert_at (title, 9, " partnership");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_TITLE),
                       "Riverside partnership");

  /* Typing in the middle: the echo from the session leaves the cursor where
   * the typing put it. */
  insert_at (title, 9, " family");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_TITLE),
                       "Riverside family partnership");
  assert_int_equal (gtk_editable_get_position (title), 16);

  cg_test_type (field (f, "Facilitator"), "Sam Okafor");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_FACILITATOR), "Sam Okafor");
  assert_true (cg_session_get_modified (f->session));
}

static void
test_undo_updates_fields (void **state)
{
  Fixture *f = *state;
  GtkEditable *title = field (f, "Title");
  GtkEditable *facilitator = field (f, "Facilitator");

  cg_test_type (title, "Riverside");
  cg_test_type (facilitator, "Sam");

  /* Two fields, two undo steps, newest first. */
  assert_true (cg_session_undo (f->session));
  assert_string_equal (gtk_editable_get_text (facilitator), "");
  assert_string_equal (gtk_editable_get_text (title), "Riverside");
  assert_true (cg_session_undo (f->session));
  assert_string_equal (gtk_editable_get_text (title), "");
  assert_true (cg_session_redo (f->session));
  assert_string_equal (gtk_editable_get_text (title), "Riverside");

  /* Changes from elsewhere (a load, another page) show too. */
  cg_session_set_detail (f->session, CG_DETAIL_FACILITATOR, "Dana");
  assert_string_equal (gtk_editable_get_text (facilitator), "Dana");
}

static void
test_date (void **state)
{
  Fixture *f = *state;
  GtkEditable *date = field (f, "Date (YYYY-MM-DD)");
  GtkWidget *error =
    cg_test_find (f->page, GTK_TYPE_LABEL,
                  "⚠ The date is not saved until it reads like 2026-11-22 (year, month, day).");
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;

  assert_non_null (error);
  assert_false (gtk_widget_get_visible (error));

  /* Half-typed and impossible dates stay in the field, marked, unsaved. */
  cg_test_type (date, "2026-11");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_DATE), "");
  assert_true (gtk_widget_get_visible (error));
  assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));

  cg_test_type (date, "2026-11-22");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_DATE), "2026-11-22");
  assert_false (gtk_widget_get_visible (error));

  /* Editing in place: the session keeps the last whole date. */
  gtk_editable_delete_text (date, 8, 10);
  assert_string_equal (gtk_editable_get_text (date), "2026-11-");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_DATE), "2026-11-22");
  insert_at (date, 8, "30");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_DATE), "2026-11-30");
  gtk_editable_delete_text (date, 5, 7);
  insert_at (date, 5, "02");
  assert_string_equal (gtk_editable_get_text (date), "2026-02-30");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_DATE), "2026-11-30");
  assert_true (gtk_widget_get_visible (error));
  gtk_editable_delete_text (date, 0, 10);
  insert_at (date, 0, "30/11/2026");
  assert_true (gtk_widget_get_visible (error));

  /* A date from the session (undo, a load) replaces the text; the mark goes. */
  cg_session_set_detail (f->session, CG_DETAIL_DATE, "2026-12-01");
  assert_string_equal (gtk_editable_get_text (date), "2026-12-01");
  assert_false (gtk_widget_get_visible (error));

  /* Clearing the date is allowed. */
  cg_test_type (date, "");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_DATE), "");
  assert_false (gtk_widget_get_visible (error));

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  g_signal_emit_by_name (cg_test_find (f->page, GTK_TYPE_BUTTON, "Today"), "clicked");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_DATE), today);
  assert_string_equal (gtk_editable_get_text (date), today);
}

static void
test_context_and_scenario (void **state)
{
  Fixture *f = *state;
  GtkWidget *view = cg_test_find (f->page, GTK_TYPE_TEXT_VIEW, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *scenario = cg_test_find (f->page, ADW_TYPE_ACTION_ROW, "Scenario");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_set_text (buffer, "A family with complex needs.\nHousing and school.", -1);
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_CONTEXT),
                       "A family with complex needs.\nHousing and school.");

  cg_session_undo (f->session);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  assert_string_equal (text, "");

  assert_non_null (scenario);
  assert_string_equal (adw_action_row_get_subtitle (ADW_ACTION_ROW (scenario)),
                       "None: this session did not start from a workshop template");
  cg_session_set_detail (f->session, CG_DETAIL_SCENARIO, "Mental health and employment");
  assert_string_equal (adw_action_row_get_subtitle (ADW_ACTION_ROW (scenario)),
                       "Mental health and employment");
}

static void
test_switching_sessions (void **state)
{
  Fixture *f = *state;
  g_autoptr (CgSession) other = cg_session_new ();

  cg_session_set_detail (other, CG_DETAIL_TITLE, "Other workshop");
  cg_session_clear_history (other);
  cg_session_set_unmodified (other);
  cg_test_type (field (f, "Title"), "First");
  g_object_set (f->page, "session", other, NULL);
  assert_string_equal (gtk_editable_get_text (field (f, "Title")), "Other workshop");
  /* Showing the other session is not an edit of it, and typing now goes
   * to the other session only. */
  assert_false (cg_session_get_modified (other));
  assert_false (cg_session_can_undo (other));
  cg_test_type (field (f, "Title"), "Other workshop 2");
  assert_string_equal (cg_session_get_detail (other, CG_DETAIL_TITLE), "Other workshop 2");
  assert_string_equal (cg_session_get_detail (f->session, CG_DETAIL_TITLE), "First");
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_typing_updates_session, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_updates_fields, setup, teardown),
    cmocka_unit_test_setup_teardown (test_date, setup, teardown),
    cmocka_unit_test_setup_teardown (test_context_and_scenario, setup, teardown),
    cmocka_unit_test_setup_teardown (test_switching_sessions, setup, teardown),
  };

  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}
