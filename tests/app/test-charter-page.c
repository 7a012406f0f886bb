/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Charter stage: generated text until the facilitator writes their own,
 * edits kept in the session, settling an Accountable partner, and a
 * preview that follows the session. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <string.h>

#include "app-test-util.h"
#include "cg-charter-page.h"
#include "cg-session-xml.h"
#include "charter-fixtures.h"

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

  f->session = charter_fixture_sample ();
  f->page = cg_charter_page_new ();
  g_object_set (f->page, "session", f->session, NULL);
  f->window = cg_test_window_new (f->page);
  gtk_window_set_default_size (f->window, 1200, 800);
  cg_test_iterate ();
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
title_row (Fixture *f)
{
  GtkWidget *row = cg_test_find (f->page, ADW_TYPE_ENTRY_ROW, "Title");

  assert_non_null (row);
  return GTK_EDITABLE (row);
}

/* The first @type inside the preferences group titled @title. */
static GtkWidget *
in_group (GtkWidget  *root,
          const char *title,
          GType       type)
{
  if (ADW_IS_PREFERENCES_GROUP (root) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return cg_test_find (root, type, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = in_group (child, title, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
view_text (Fixture    *f,
           const char *group_title)
{
  GtkWidget *view = in_group (f->page, group_title, GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  assert_non_null (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_title_generated_then_own (void **state)
{
  Fixture *f = *state;
  GtkWidget *reset;

  /* Not written: the row shows the session's title, and follows it. */
  assert_string_equal (gtk_editable_get_text (title_row (f)),
                       "Riverside Family Support Partnership");
  cg_session_set_detail (f->session, CG_DETAIL_TITLE, "Riverside Partnership");
  assert_string_equal (gtk_editable_get_text (title_row (f)), "Riverside Partnership");
  assert_null (cg_session_get_charter_field (f->session, CG_CHARTER_TITLE));

  cg_test_type (title_row (f), "Our Charter");
  assert_string_equal (cg_session_get_charter_field (f->session, CG_CHARTER_TITLE), "Our Charter");
  /* Now the facilitator's own: the session's title no longer changes it. */
  cg_session_set_detail (f->session, CG_DETAIL_TITLE, "Another title");
  assert_string_equal (gtk_editable_get_text (title_row (f)), "Our Charter");

  reset = in_group (f->page, "Title", GTK_TYPE_BUTTON);
  assert_non_null (reset);
  assert_true (gtk_widget_get_visible (reset));
  assert_true (gtk_widget_activate_action (f->page, "charter.reset-field", "i", CG_CHARTER_TITLE));
  assert_null (cg_session_get_charter_field (f->session, CG_CHARTER_TITLE));
  assert_string_equal (gtk_editable_get_text (title_row (f)), "Another title");
  assert_false (gtk_widget_get_visible (reset));
}

static void
test_undo_restores_editor (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = view_text (f, "Ground Rules");
  g_autofree char *after = NULL;

  cg_session_set_charter_field (f->session, CG_CHARTER_GROUND_RULES, "Phones off.\nStart on time.");
  after = view_text (f, "Ground Rules");
  assert_string_equal (after, "Phones off.\nStart on time.");
  assert_true (cg_session_undo (f->session));
  g_free (after);
  after = view_text (f, "Ground Rules");
  assert_string_equal (after, before);
  assert_non_null (strstr (before, "We speak plainly"));
}

static void
test_typing_in_a_text_view (void **state)
{
  Fixture *f = *state;
  GtkWidget *view = in_group (f->page, "Purpose", GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter end;

  assert_null (cg_session_get_charter_field (f->session, CG_CHARTER_PURPOSE));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " Together.", -1);
  assert_string_equal (cg_session_get_charter_field (f->session, CG_CHARTER_PURPOSE),
                       "The Riverside family needs joined-up support: a parent with a long-term "
                       "illness, a child missing school, and housing problems. Together.");
}

static gboolean
still_mentions_budget_gap (gpointer data)
{
  Fixture *f = data;
  g_autofree char *text = view_text (f, "Still to Resolve");

  return strstr (text, "Manage the pooled budget: nobody has taken the lead") != NULL;
}

static gboolean
budget_gap_gone (gpointer data)
{
  return !still_mentions_budget_gap (data);
}

static void
test_settle_accountable (void **state)
{
  Fixture *f = *state;
  GtkWidget *row = cg_test_find (f->page, ADW_TYPE_COMBO_ROW, "Manage the pooled budget");
  const CgTask *task = cg_session_get_task (f->session, 3);
  GListModel *model;

  assert_non_null (row);
  assert_true (still_mentions_budget_gap (f));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  /* "Follow the room" and then the four partners. */
  assert_int_equal (g_list_model_get_n_items (model), 5);
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), 0),
                       "Follow the room: nobody claimed it");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 4);
  assert_int_equal (task->charter_accountable, cg_session_get_partner (f->session, 3)->id);
  assert_true (cg_test_wait_for (budget_gap_gone, f, 2000));

  /* Undo brings the gap back, in the list and in the text. */
  assert_true (cg_session_undo (f->session));
  assert_int_equal (task->charter_accountable, 0);
  assert_true (cg_test_wait_for (still_mentions_budget_gap, f, 2000));
  /* The rows are rebuilt when the main loop is idle. */
  cg_test_iterate ();
  row = cg_test_find (f->page, ADW_TYPE_COMBO_ROW, "Manage the pooled budget");
  assert_int_equal (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), 0);
}

static void
replace_view_text (Fixture    *f,
                   const char *group_title,
                   const char *text)
{
  GtkWidget *view = in_group (f->page, group_title, GTK_TYPE_TEXT_VIEW);

  assert_non_null (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Every section edited on the page, and a gap settled, come back from the
 * session file as they were written. */
static void
test_edits_survive_the_file (void **state)
{
  Fixture *f = *state;
  static const struct
  {
    const char *group;
    CgCharterField field;
    const char *text;
  } edits[] = {
    { "Purpose", CG_CHARTER_PURPOSE, "One plan for the family.\nTold once." },
    { "Ground Rules", CG_CHARTER_GROUND_RULES, "Phones off." },
    { "Performance Measures and Milestones", CG_CHARTER_MEASURES, "Attendance above 90%." },
    { "Review and Learning", CG_CHARTER_LEARNING, "We look back every term." },
    { "Still to Resolve", CG_CHARTER_STILL_TO_RESOLVE, "Who chairs — undecided <yet> & open." },
    { "What We Will Work On", CG_CHARTER_WORK_ON, "Dated milestones by March." },
  };
  GtkWidget *date = cg_test_find (f->page, ADW_TYPE_ENTRY_ROW, "Review Date");
  GtkWidget *row = cg_test_find (f->page, ADW_TYPE_COMBO_ROW, "Manage the pooled budget");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CgSession) loaded = NULL;
  guint budget = cg_session_get_task (f->session, 3)->id;

  cg_test_type (title_row (f), "Our Charter");
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    replace_view_text (f, edits[i].group, edits[i].text);
  assert_non_null (date);
  cg_test_type (GTK_EDITABLE (date), "2027-05-22");
  assert_non_null (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 4); /* David Cohen */

  bytes = cg_session_xml_save_bytes (f->session, &error);
  assert_non_null (bytes);
  loaded = cg_session_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "charter.commonground", &error);
  assert_non_null (loaded);
  assert_string_equal (cg_session_get_charter_field (loaded, CG_CHARTER_TITLE), "Our Charter");
  assert_string_equal (cg_session_get_charter_field (loaded, CG_CHARTER_REVIEW_DATE), "2027-05-22");
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    assert_string_equal (cg_session_get_charter_field (loaded, edits[i].field), edits[i].text);
  assert_int_equal (cg_session_lookup_task (loaded, budget)->charter_accountable,
                    cg_session_get_partner (f->session, 3)->id);
}

static void
test_preview_follows_session (void **state)
{
  Fixture *f = *state;
  g_autofree char *long_text = charter_fixture_long_text ("Long", 12000);
  guint before = cg_charter_page_get_n_pages (CG_CHARTER_PAGE (f->page));
  GtkWidget *label;

  assert_in_range (before, 2, 4);
  label = cg_test_find (f->page, GTK_TYPE_LABEL,
                        before == 2   ? "2 pages"
                        : before == 3 ? "3 pages"
                                      : "4 pages");
  assert_non_null (label);
  /* About three pages more of purpose. */
  cg_session_set_charter_field (f->session, CG_CHARTER_PURPOSE, long_text);
  assert_true (cg_charter_page_get_n_pages (CG_CHARTER_PAGE (f->page)) >= before + 2);
}

static void
test_paper_choice (void **state)
{
  Fixture *f = *state;
  GtkWidget *dropdown =
    cg_test_find (f->page, GTK_TYPE_DROP_DOWN, "Paper size of the preview and of PDF exports");

  assert_non_null (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  assert_int_equal (cg_charter_page_get_paper (CG_CHARTER_PAGE (f->page)), CG_PAPER_LETTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  assert_int_equal (cg_charter_page_get_paper (CG_CHARTER_PAGE (f->page)), CG_PAPER_A4);
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_title_generated_then_own, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_restores_editor, setup, teardown),
    cmocka_unit_test_setup_teardown (test_typing_in_a_text_view, setup, teardown),
    cmocka_unit_test_setup_teardown (test_settle_accountable, setup, teardown),
    cmocka_unit_test_setup_teardown (test_edits_survive_the_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_preview_follows_session, setup, teardown),
    cmocka_unit_test_setup_teardown (test_paper_choice, setup, teardown),
  };

  setlocale (LC_ALL, "C.UTF-8");
  if (!cg_test_init_display ())
    return CG_TEST_SKIP;
  return cmocka_run_group_tests (tests, NULL, NULL);
}
